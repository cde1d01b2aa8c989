package al.ura.web;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemType;
import al.ura.kernel.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on API POSTs: the first request with a key runs and its answer is
 * kept; a retry with the same key and the same request gets that answer again without running;
 * the same key with a different request is refused; a retry while the first still runs is told to
 * wait. Keys are per caller, and the records live in the database so every node sees them.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter implements Ordered {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY = 2 * 1024 * 1024;
    private static final Duration KEEP = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Problems problems;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, Problems problems, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100), so the caller is known.
        return 0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (request.getContentType() != null && request.getContentType().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        Actor actor = CurrentActor.get();
        if (key.isEmpty() || key.length() > 200 || actor.kind() == Actor.Kind.ANONYMOUS) {
            if (actor.kind() != Actor.Kind.ANONYMOUS) {
                problems.write(
                        response,
                        problems.of(
                                ProblemException.validation(List.of(
                                        ProblemException.FieldProblem.of(HEADER, "validation.idempotency-key"))),
                                RequestContextUtils.getLocale(request)));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(
                    response, problems.of(ProblemType.MALFORMED_REQUEST, RequestContextUtils.getLocale(request)));
            return;
        }
        String scope = actor.kind().name() + ":" + actor.getName() + ":" + actor.tokenId();
        String hash = fingerprint(request, body);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.sql("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
                    .params(scope, key, hash, now)
                    .update();
        } catch (DuplicateKeyException seen) {
            replay(scope, key, hash, request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), captured);
            if (captured.getStatus() < 500) {
                jdbc.sql("UPDATE idempotency_record SET completed = TRUE, status_code = ?, content_type = ?, body = ?"
                                + " WHERE scope = ? AND idem_key = ?")
                        .params(
                                captured.getStatus(),
                                captured.getContentType(),
                                captured.getContentAsByteArray(),
                                scope,
                                key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                // A failure that did not complete may be retried with the same key.
                jdbc.sql("DELETE FROM idempotency_record WHERE scope = ? AND idem_key = ?")
                        .params(scope, key)
                        .update();
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(String scope, String key, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Stored> stored = jdbc.sql("SELECT request_hash, completed, status_code, content_type, body"
                        + " FROM idempotency_record WHERE scope = ? AND idem_key = ?")
                .params(scope, key)
                .query((rs, n) ->
                        new Stored(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4), rs.getBytes(5)))
                .optional();
        if (stored.isEmpty() || !stored.get().completed()) {
            problems.write(
                    response, problems.of(ProblemType.IDEMPOTENCY_IN_PROGRESS, RequestContextUtils.getLocale(request)));
            return;
        }
        if (!stored.get().requestHash().equals(hash)) {
            problems.write(
                    response, problems.of(ProblemType.IDEMPOTENCY_MISMATCH, RequestContextUtils.getLocale(request)));
            return;
        }
        response.setStatus(stored.get().status());
        if (stored.get().contentType() != null) {
            response.setContentType(stored.get().contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = stored.get().body();
        if (body != null) {
            response.getOutputStream().write(body);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(KEEP), ZoneOffset.UTC))
                .update();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // a private carrier of one row, never compared or shared
    private record Stored(
            String requestHash,
            boolean completed,
            int status,
            @Nullable String contentType,
            byte @Nullable [] body) {}

    /** The request with its body read once into memory and offered again to the controller. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
