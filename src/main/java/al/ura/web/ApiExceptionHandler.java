package al.ura.web;

import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.ProblemType;
import al.ura.kernel.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as an RFC 9457 problem in the caller's language. Exception messages never reach
 * the caller: an unexpected error is logged with an id and answered with that id only.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Map<String, Object>> problem(ProblemException problem, Locale locale) {
        return respond(problems.of(problem, locale));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException invalid, Locale locale) {
        List<FieldProblem> fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> FieldProblem.of(
                        error.getField(),
                        "validation." + String.valueOf(error.getCode()).toLowerCase(Locale.ROOT)))
                .toList();
        return respond(problems.of(ProblemException.validation(fields), locale));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception exception, Locale locale) {
        String name = switch (exception) {
            case MethodArgumentTypeMismatchException mismatch -> mismatch.getName();
            case MissingServletRequestParameterException missing -> missing.getParameterName();
            default -> "?";
        };
        return respond(problems.of(
                ProblemException.validation(List.of(FieldProblem.of(name, "validation.parameter"))), locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException exception, Locale locale) {
        return respond(problems.of(ProblemType.MALFORMED_REQUEST, locale));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException exception, Locale locale) {
        return respond(problems.of(ProblemType.NOT_FOUND, locale));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException exception, Locale locale) {
        return respond(problems.of(ProblemType.METHOD_NOT_ALLOWED, locale));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    void accessDenied(org.springframework.security.access.AccessDeniedException denied) {
        // Left to the security filter chain's handler, which answers and records the refusal.
        throw denied;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception exception, Locale locale) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {}: {}", incident, SafeLog.describe(exception));
        var detail = problems.of(ProblemType.INTERNAL, "problem.internal.detail", List.of(incident), locale);
        detail.setProperty("incident", incident);
        return respond(detail);
    }

    private static ResponseEntity<Map<String, Object>> respond(org.springframework.http.ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus())
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.asMap(detail));
    }
}
