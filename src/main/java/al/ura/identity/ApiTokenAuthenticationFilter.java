package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemType;
import al.ura.kernel.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Authenticates {@code Authorization: Bearer ura_...} on API requests. A token authenticates one
 * request; nothing is kept in a session. An unknown, expired or revoked token ends the request with
 * a 401 problem and a ledger entry.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AuditLog auditLog;
    private final Problems problems;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, AuditLog auditLog, Problems problems) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.problems = problems;
    }

    static boolean carriesBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented =
                request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
        switch (tokens.authenticate(presented)) {
            case ApiTokenService.Authentication.Valid valid -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        valid.actor(), null, SessionAuthorities.of(SessionAuthorities.FULL)));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case ApiTokenService.Authentication.Expired expired ->
                refuse(request, response, "expired", expired.tokenId(), expired.organisationId());
            case ApiTokenService.Authentication.Revoked revoked ->
                refuse(request, response, "revoked", revoked.tokenId(), revoked.organisationId());
            case ApiTokenService.Authentication.Unknown unknown -> refuse(request, response, "unknown", null, null);
        }
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            String reason,
            @Nullable UUID tokenId,
            @Nullable UUID organisationId)
            throws IOException {
        auditLog.denied(
                Actor.ANONYMOUS,
                AuditEvent.of("identity.token.refused", "api_token", tokenId, organisationId)
                        .with("reason", reason)
                        .with("method", request.getMethod())
                        .with("path", request.getRequestURI()));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.write(response, problems.of(ProblemType.INVALID_TOKEN, RequestContextUtils.getLocale(request)));
    }
}
