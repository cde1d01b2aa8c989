package al.ura.kernel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details in the caller's language: a stable {@code type} per kind of
 * error, a translated title and detail, and for validation the errors per field.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail of(ProblemException problem, Locale locale) {
        ProblemDetail detail = of(problem.type(), problem.detailKey(), problem.arguments(), locale);
        if (!problem.fieldProblems().isEmpty()) {
            List<Map<String, String>> errors = problem.fieldProblems().stream()
                    .map(field -> {
                        Map<String, String> error = new LinkedHashMap<>();
                        error.put("field", field.field());
                        error.put("code", field.messageKey());
                        error.put("message", message(field.messageKey(), field.arguments(), locale));
                        return error;
                    })
                    .toList();
            detail.setProperty("errors", errors);
        }
        return detail;
    }

    public ProblemDetail of(ProblemType type, Locale locale) {
        return of(type, "problem." + type.slug() + ".detail", List.of(), locale);
    }

    public ProblemDetail of(ProblemType type, String detailKey, List<Object> arguments, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatus(type.status());
        detail.setType(URI.create(type.typeUri()));
        detail.setTitle(message("problem." + type.slug() + ".title", List.of(), locale));
        detail.setDetail(message(detailKey, arguments, locale));
        return detail;
    }

    public String message(String key, List<Object> arguments, Locale locale) {
        String message = messages.getMessage(key, arguments.toArray(), key, locale);
        return message == null ? key : message;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The problem as the JSON members RFC 9457 names, extension members beside them. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        if (problem.getTitle() != null) {
            body.put("title", problem.getTitle());
        }
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", String.valueOf(problem.getInstance()));
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
