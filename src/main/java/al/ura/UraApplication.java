package al.ura;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ura: one deployable application, one package per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UraApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(UraApplication.class);
        boolean commandLineMode = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--ura.cli="));
        if (commandLineMode) {
            // A command-line mode does its work and exits with its own code; no web server.
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
