package al.ura.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description: what the API is and how a machine client authenticates. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI uraOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Ura API")
                        .version("v1")
                        .description("Everything Ura's interface does, as JSON under /api/v1. Errors are RFC 9457"
                                + " problem details (types explained at /problems) in the language of Accept-Language"
                                + " (sq by default, or en). Lists are cursor-paginated; POST honours Idempotency-Key.")
                        .license(new License().name("EUPL-1.2")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token issued by an organisation administrator to a"
                                                + " service account: Authorization: Bearer ura_...")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
