package al.ura.web;

import al.ura.kernel.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused or missing page gets the friendly error page in the reader's language, with the reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.type().status());
        model.addAttribute("status", problem.type().status());
        model.addAttribute("problem", problem);
        return "error/problem";
    }

    /** An unexpected failure: the person sees the friendly page with an incident number; the log gets no values. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception exception, HttpServletResponse response, Model model) throws Exception {
        if (exception instanceof org.springframework.security.access.AccessDeniedException
                || exception instanceof org.springframework.web.servlet.resource.NoResourceFoundException
                || exception instanceof org.springframework.web.ErrorResponse) {
            throw exception;
        }
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {}: {}", incident, SafeLog.describe(exception));
        ProblemException problem =
                new ProblemException(al.ura.kernel.ProblemType.INTERNAL, "problem.internal.detail", incident);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("problem", problem);
        return "error/problem";
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageExceptionHandler.class);
}
