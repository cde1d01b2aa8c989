package al.ura.web;

import al.ura.kernel.ProblemType;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page behind each problem type URI: what the error means and what to do. */
@Controller
class ProblemPagesController {

    static final List<ProblemType> KNOWN = List.of(
            ProblemType.VALIDATION,
            ProblemType.MALFORMED_REQUEST,
            ProblemType.UNAUTHENTICATED,
            ProblemType.INVALID_TOKEN,
            ProblemType.FORBIDDEN,
            ProblemType.SECOND_FACTOR_REQUIRED,
            ProblemType.NOT_FOUND,
            ProblemType.METHOD_NOT_ALLOWED,
            ProblemType.CONFLICT,
            ProblemType.IDEMPOTENCY_IN_PROGRESS,
            ProblemType.IDEMPOTENCY_MISMATCH,
            ProblemType.RATE_LIMITED,
            ProblemType.INTERNAL);

    @GetMapping("/problems")
    String all(Model model) {
        model.addAttribute("problems", KNOWN);
        return "web/problems";
    }

    @GetMapping("/problems/{slug}")
    String one(@PathVariable String slug, Model model) {
        model.addAttribute(
                "problems", KNOWN.stream().filter(p -> p.slug().equals(slug)).toList());
        return "web/problems";
    }
}
