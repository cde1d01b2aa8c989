package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.ura.kernel.ProblemException;
import al.ura.testing.DatabaseTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider's webhook on this machine's loopback: registering it is the compliance lead's, a new
 * request is delivered as a signed notification that names the request and carries none of its
 * content, and a receiver that is down is tried again later.
 */
@DatabaseTest
@TestPropertySource(properties = "ura.requests.webhooks.allow-plain-http=true")
class ProviderWebhooksTest {

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    ProviderWebhooks webhooks;

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 204;

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of(
                    "body", body,
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("Ura-Signature")),
                    "event", String.valueOf(exchange.getRequestHeaders().getFirst("Ura-Event"))));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void aNewRequestIsDeliveredSignedWithoutItsContentAndRetriedWhenTheReceiverFails() {
        RequestFixtures.World world = fixtures.world();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        assertThatThrownBy(
                        () -> webhooks.register(world.compliance().actor(), new ProviderWebhooks.WebhookCommand(url)))
                .isInstanceOf(ProblemException.class);
        ProviderWebhooks.CreatedWebhook hook =
                webhooks.register(world.lead().actor(), new ProviderWebhooks.WebhookCommand(url));
        assertThat(hook.secret()).startsWith("whsec_");
        assertThat(webhooks.list(world.lead().actor()))
                .extracting(ProviderWebhooks.WebhookView::url)
                .containsExactly(url);

        answer = 503;
        RequestView request = fixtures.submitted(world);
        assertThat(webhooks.deliverDue()).isZero();
        assertThat(received).hasSize(1);
        // Not due again at once: the next attempt waits.
        assertThat(webhooks.deliverDue()).isZero();
        assertThat(received).hasSize(1);

        answer = 204;
        RequestView second = fixtures.submitted(world, fixtures.draft(world));
        assertThat(webhooks.deliverDue()).isEqualTo(1);
        Map<String, String> delivered = received.getLast();
        String body = delivered.get("body");
        assertThat(delivered.get("event")).isEqualTo("request.submitted");
        assertThat(body).contains(second.id().toString()).contains(second.reference());
        assertThat(body)
                .doesNotContain("203.0.113.25")
                .doesNotContain("phishing")
                .doesNotContain(world.police().id().toString());
        String[] parts = delivered.get("signature").split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(parts[1]).isEqualTo("v1=" + ProviderWebhooks.sign(hook.secret(), t, body));
        assertThat(parts[1]).isNotEqualTo("v1=" + ProviderWebhooks.sign("whsec_forged", t, body));
        assertThat(request.reference()).isNotEqualTo(second.reference());
    }
}
