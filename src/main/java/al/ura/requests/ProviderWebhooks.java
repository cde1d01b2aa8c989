package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.JobLocks;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.SecretCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhook notifications to a URL a provider registers, so its own tooling learns of new
 * requests without polling. A notification carries the event, the request's id and reference and
 * the time, never its content: the tooling then reads the request through the API with its token.
 * Each body is signed with HMAC-SHA256 under the webhook's secret, shown once when it is made:
 * header {@code Ura-Signature: t=<unix seconds>,v1=<hex of HMAC(secret, t + "." + body)>}.
 * Deliveries are rows in the database, sent by one node at a time, retried with backoff.
 */
@Service
public class ProviderWebhooks {

    static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final AuditLog auditLog;
    private final JobLocks locks;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean allowPlainHttp;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final SecureRandom random = new SecureRandom();

    ProviderWebhooks(
            JdbcClient jdbc,
            SecretCipher cipher,
            AuditLog auditLog,
            JobLocks locks,
            JsonMapper json,
            Clock clock,
            @Value("${ura.requests.webhooks.allow-plain-http:false}") boolean allowPlainHttp) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.locks = locks;
        this.json = json;
        this.clock = clock;
        this.allowPlainHttp = allowPlainHttp;
    }

    public record WebhookView(
            UUID id,
            UUID organisationId,
            String url,
            Instant createdAt,
            @Nullable Instant disabledAt) {}

    /** A webhook just made, with its secret: shown this once. */
    public record CreatedWebhook(WebhookView webhook, String secret) {}

    public record WebhookCommand(@Nullable String url) {}

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public CreatedWebhook register(Actor actor, WebhookCommand command) {
        if (!actor.has(RequestPermissions.LEAD) || actor.organisationId() == null) {
            auditLog.denied(
                    actor, AuditEvent.of("requests.webhook.create", "provider_webhook", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
        String url = command.url() == null ? "" : command.url().trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.validation(List.of(FieldProblem.of("url", "requests.validation.webhook-url")));
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean plain = "http".equalsIgnoreCase(uri.getScheme()) && allowPlainHttp;
        if (uri.getHost() == null || !(https || plain) || url.length() > 500) {
            throw ProblemException.validation(List.of(FieldProblem.of("url", "requests.validation.webhook-url")));
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = "whsec_" + HexFormat.of().formatHex(secretBytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql(
                        "INSERT INTO provider_webhook (id, organisation_id, url, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        actor.organisationId(),
                        url,
                        cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), id.toString()),
                        actor.userId(),
                        RequestRepository.utc(now))
                .update();
        auditLog.record(
                actor, AuditEvent.of("requests.webhook.created", "provider_webhook", id, actor.organisationId()));
        return new CreatedWebhook(new WebhookView(id, actor.requireOrganisation(), url, now, null), secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list(Actor actor) {
        if (!actor.has(RequestPermissions.LEAD) || actor.organisationId() == null) {
            auditLog.denied(
                    actor, AuditEvent.of("requests.webhook.list", "provider_webhook", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
        return jdbc.sql("SELECT id, organisation_id, url, created_at, disabled_at FROM provider_webhook"
                        + " WHERE organisation_id = ? ORDER BY created_at")
                .param(actor.organisationId())
                .query((rs, n) -> new WebhookView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        java.util.Objects.requireNonNull(RequestRepository.instant(rs, "created_at")),
                        RequestRepository.instant(rs, "disabled_at")))
                .list();
    }

    @Transactional
    public void disable(Actor actor, UUID id) {
        int changed = actor.has(RequestPermissions.LEAD) && actor.organisationId() != null
                ? jdbc.sql(
                                "UPDATE provider_webhook SET disabled_at = ? WHERE id = ? AND organisation_id = ? AND disabled_at IS NULL")
                        .params(RequestRepository.utc(clock.instant()), id, actor.organisationId())
                        .update()
                : 0;
        if (changed == 0) {
            auditLog.denied(
                    actor, AuditEvent.of("requests.webhook.disable", "provider_webhook", id, actor.organisationId()));
            throw ProblemException.notFound();
        }
        auditLog.record(
                actor, AuditEvent.of("requests.webhook.disabled", "provider_webhook", id, actor.organisationId()));
    }

    /** Queues a notification to each of the provider's webhooks, in the caller's transaction. */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void enqueue(UUID providerId, String event, String reference, UUID requestId) {
        List<UUID> hooks = jdbc.sql("SELECT id FROM provider_webhook WHERE organisation_id = ? AND disabled_at IS NULL")
                .param(providerId)
                .query(UUID.class)
                .list();
        Instant now = clock.instant();
        for (UUID hook : hooks) {
            UUID delivery = UUID.randomUUID();
            Map<String, Object> body = new TreeMap<>();
            body.put("id", delivery.toString());
            body.put("event", event);
            body.put("requestId", requestId.toString());
            body.put("reference", reference);
            body.put("at", now.toString());
            body.put("href", "/api/v1/requests/" + requestId);
            jdbc.sql("INSERT INTO webhook_delivery (id, webhook_id, event, payload, created_at, next_attempt_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            delivery,
                            hook,
                            event,
                            json.writeValueAsString(body),
                            RequestRepository.utc(now),
                            RequestRepository.utc(now))
                    .update();
        }
    }

    @Scheduled(fixedDelayString = "${ura.requests.webhooks.interval:PT10S}", initialDelayString = "PT30S")
    void scheduled() {
        locks.runExclusively("requests.webhooks", Duration.ofMinutes(2), this::deliverDue);
    }

    /** Sends every due delivery once; returns how many were delivered. */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public int deliverDue() {
        Instant now = clock.instant();
        @SuppressWarnings("NullAway") // SQL NULL is a value here
        record Due(UUID id, UUID hook, String event, String payload, int attempts, String url, String secret) {}
        List<Due> due = jdbc.sql("SELECT d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret"
                        + " FROM webhook_delivery d JOIN provider_webhook w ON w.id = d.webhook_id"
                        + " WHERE d.delivered_at IS NULL AND d.attempts < ? AND d.next_attempt_at <= ? AND w.disabled_at IS NULL"
                        + " ORDER BY d.next_attempt_at FETCH FIRST 100 ROWS ONLY")
                .params(MAX_ATTEMPTS, RequestRepository.utc(now))
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        int delivered = 0;
        for (Due delivery : due) {
            String secret =
                    new String(cipher.decrypt(delivery.secret(), delivery.hook().toString()), StandardCharsets.UTF_8);
            long t = now.getEpochSecond();
            int status;
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(delivery.url()))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Ura-Event", delivery.event())
                                .header("Ura-Delivery", delivery.id().toString())
                                .header("Ura-Signature", "t=" + t + ",v1=" + sign(secret, t, delivery.payload()))
                                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
            } catch (java.io.IOException unreachable) {
                status = 0;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return delivered;
            }
            boolean ok = status >= 200 && status < 300;
            Instant next = now.plus(Duration.ofMinutes(1L << Math.min(delivery.attempts(), 10)));
            jdbc.sql("UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, delivered_at = ?,"
                            + " next_attempt_at = ? WHERE id = ?")
                    .params(status, ok ? RequestRepository.utc(now) : null, RequestRepository.utc(next), delivery.id())
                    .update();
            if (ok) {
                delivered++;
            }
        }
        return delivered;
    }

    /** The signature a receiver recomputes: hex HMAC-SHA256 of {@code t + "." + body} under the secret. */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
