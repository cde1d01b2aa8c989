package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The requests' REST API as the tests call it: who calls (a signed-in person's session or a bearer
 * token), a JSON body in, the status and the JSON that came back.
 */
final class RequestsApi {

    static final String BASE = "/api/v1/requests";

    private final MockMvcTester mvc;
    private final JsonMapper json;

    RequestsApi(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A signed-in person's session. */
    static RequestPostProcessor as(TestUser user) {
        return authentication(user.authentication());
    }

    /** A machine client's {@code Authorization: Bearer} token. */
    static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** What came back: the status, the body as text and, where it is JSON, as a tree. */
    record Reply(int status, String body, JsonNode json) {

        /** Fails with the body in the message unless the status is {@code expected}. */
        Reply expect(int expected) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
            return this;
        }

        /** The value at a JSON pointer such as {@code /signature/valid}; missing when absent. */
        JsonNode at(String pointer) {
            return json.at(pointer);
        }

        String text(String pointer) {
            return json.at(pointer).asString();
        }

        UUID id() {
            return UUID.fromString(text("/id"));
        }

        String type() {
            return text("/type");
        }

        /** The strings at {@code member} of each element of the array at {@code pointer}. */
        List<String> texts(String pointer, String member) {
            List<String> values = new ArrayList<>();
            json.at(pointer).forEach(element -> values.add(element.path(member).asString()));
            return values;
        }
    }

    Reply get(RequestPostProcessor who, String uri, Object... variables) {
        return call(HttpMethod.GET, who, null, Map.of(), uri, variables);
    }

    Reply post(RequestPostProcessor who, @Nullable Object body, String uri, Object... variables) {
        return call(HttpMethod.POST, who, body, Map.of(), uri, variables);
    }

    Reply put(RequestPostProcessor who, @Nullable Object body, String uri, Object... variables) {
        return call(HttpMethod.PUT, who, body, Map.of(), uri, variables);
    }

    Reply call(
            HttpMethod method,
            RequestPostProcessor who,
            @Nullable Object body,
            Map<String, String> headers,
            String uri,
            Object... variables) {
        var request = mvc.method(method).uri(uri, variables).with(who);
        if (!HttpMethod.GET.equals(method)) {
            request = request.with(csrf());
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String text ? text : json.writeValueAsString(body));
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        return reply(request.exchange());
    }

    /** Uploads one file as the multipart field {@code file}. */
    Reply upload(RequestPostProcessor who, String name, byte[] content, String uri, Object... variables) {
        return reply(mvc.post()
                .uri(uri, variables)
                .multipart()
                .file(new MockMultipartFile("file", name, "text/plain", content))
                .with(who)
                .with(csrf())
                .exchange());
    }

    private Reply reply(MvcTestResult result) {
        var response = result.getResponse();
        String body;
        try {
            body = response.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        JsonNode tree = MissingNode.getInstance();
        String type = response.getContentType();
        if (!body.isEmpty() && type != null && type.contains("json")) {
            tree = json.readTree(body);
        }
        return new Reply(response.getStatus(), body, tree);
    }

    /** {@code value} as the JSON members it is sent as, with some of them set to other values: name, value, name, value... */
    Map<String, @Nullable Object> body(Object value, @Nullable Object... overrides) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> members = new java.util.LinkedHashMap<>(json.convertValue(value, Map.class));
        for (int i = 0; i < overrides.length; i += 2) {
            members.put(String.valueOf(overrides[i]), overrides[i + 1]);
        }
        return members;
    }

    /** {@code {"text": ...}}, the body of every endpoint that takes a reason, a question or a comment. */
    static Map<String, String> text(String text) {
        return Map.of("text", text);
    }
}
