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
}
