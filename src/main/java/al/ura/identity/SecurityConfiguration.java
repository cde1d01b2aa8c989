package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.ProblemType;
import al.ura.kernel.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The coarse rules: what is public, what a half-signed-in session may reach (only its next step),
 * and that everything else needs a full sign-in or a valid API token. Each use case then checks its
 * own permission. Strict headers: a CSP without inline script, no framing, no referrer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " object-src 'none'";

    private static final RequestMatcher API =
            request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    /**
     * The one authentication manager. Registering the provider on the filter chain as well would
     * give it a parent with the same provider, and a wrong password would be counted twice.
     */
    @Bean
    AuthenticationManager authenticationManager(UraAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            ApiTokenService tokens,
            AuditLog auditLog,
            Problems problems,
            SecurityContextRepository contexts)
            throws Exception {
        AccessDeniedHandler denied = (request, response, exception) -> deny(request, response, auditLog, problems);
        http.authenticationManager(authenticationManager)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(rules -> rules.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/login",
                                "/invitation/**",
                                // A 24/7 contact acknowledges a reachability check from its e-mail, without an account.
                                "/directory/reachability/**",
                                // The open progress page of the strategy monitoring: published figures, for anyone.
                                "/progress",
                                "/progress/**",
                                "/error",
                                "/problems/**",
                                "/api/v1/openapi.json")
                        .permitAll()
                        // Anyone may verify a document Ura signed: the public keys need no sign-in.
                        .requestMatchers(
                                org.springframework.http.HttpMethod.GET, "/api/v1/directory/organisations/*/jwks.json")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(permission(IdentityPermissions.METRICS_READ))
                        .requestMatchers("/login/second-factor")
                        .hasAuthority(SessionAuthorities.SECOND_FACTOR_PENDING)
                        .requestMatchers("/account/second-factor/enrol", "/account/second-factor/enrol/**")
                        .hasAnyAuthority(SessionAuthorities.ENROLMENT_PENDING, SessionAuthorities.FULL)
                        .anyRequest()
                        .hasAuthority(SessionAuthorities.FULL))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(stageRouter())
                        .failureHandler(failureRouter()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("SESSION")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
                                auditLog.record(
                                        actor,
                                        AuditEvent.of(
                                                "identity.logout", "user", actor.userId(), actor.organisationId()));
                            }
                        }))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenAuthenticationFilter::carriesBearer))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                (request, response, exception) -> problems.write(
                                        response,
                                        problems.of(
                                                ProblemType.UNAUTHENTICATED, RequestContextUtils.getLocale(request))),
                                API)
                        .accessDeniedHandler(denied))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, auditLog, problems),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> permission(String code) {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            boolean granted = auth != null
                    && auth.getPrincipal() instanceof Actor actor
                    && actor.has(code)
                    && hasAuthority(auth, SessionAuthorities.FULL);
            return new AuthorizationDecision(granted);
        };
    }

    static boolean hasAuthority(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** A half-signed-in session is sent to its next step; anyone else refused is told so, and the ledger keeps it. */
    private static void deny(
            HttpServletRequest request, HttpServletResponse response, AuditLog auditLog, Problems problems)
            throws IOException {
        Authentication authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && !API.matches(request)) {
            if (hasAuthority(authentication, SessionAuthorities.SECOND_FACTOR_PENDING)) {
                response.sendRedirect(request.getContextPath() + "/login/second-factor");
                return;
            }
            if (hasAuthority(authentication, SessionAuthorities.ENROLMENT_PENDING)) {
                response.sendRedirect(request.getContextPath() + "/account/second-factor/enrol");
                return;
            }
        }
        Actor actor = CurrentActor.get();
        auditLog.denied(
                actor,
                AuditEvent.of("http.access.denied", "http_request", null, actor.organisationId())
                        .with("method", request.getMethod())
                        .with("path", request.getRequestURI()));
        if (API.matches(request)) {
            problems.write(response, problems.of(ProblemType.FORBIDDEN, RequestContextUtils.getLocale(request)));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static AuthenticationSuccessHandler stageRouter() {
        return (request, response, authentication) -> {
            String target = "/";
            if (hasAuthority(authentication, SessionAuthorities.SECOND_FACTOR_PENDING)) {
                target = "/login/second-factor";
            } else if (hasAuthority(authentication, SessionAuthorities.ENROLMENT_PENDING)) {
                target = "/account/second-factor/enrol";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static AuthenticationFailureHandler failureRouter() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String reason = switch (exception) {
                case org.springframework.security.authentication.LockedException locked -> "locked";
                case UraAuthenticationProvider.ThrottledException throttled -> "throttled";
                default -> "bad";
            };
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
