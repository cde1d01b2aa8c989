package al.ura.identity;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own account: profile, password, second factor and recovery codes, sessions. */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("me", accounts.me(actor));
        model.addAttribute("recoveryCodesLeft", accounts.remainingRecoveryCodes(actor));
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String repeatPassword,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(CurrentActor.get(), currentPassword, newPassword, repeatPassword);
            redirect.addFlashAttribute("notice", "account.password.changed");
            return "redirect:/account";
        } catch (ProblemException problem) {
            response.setStatus(422);
            model.addAttribute("problem", problem);
            return account(model);
        }
    }

    @PostMapping("/account/recovery-codes")
    String regenerate(HttpSession session) {
        session.setAttribute(SignInController.RECOVERY_CODES, accounts.regenerateRecoveryCodes(CurrentActor.get()));
        return "redirect:/account/recovery-codes";
    }

    /** Shows freshly made recovery codes once; a reload shows nothing. */
    @GetMapping("/account/recovery-codes")
    String recoveryCodes(HttpSession session, Model model) {
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) session.getAttribute(SignInController.RECOVERY_CODES);
        session.removeAttribute(SignInController.RECOVERY_CODES);
        if (codes == null) {
            return "redirect:/account";
        }
        model.addAttribute("codes", codes);
        return "identity/recovery-codes";
    }

    @PostMapping("/account/logout-everywhere")
    String logoutEverywhere(HttpServletRequest request) {
        accounts.logoutEverywhere(CurrentActor.get());
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?signedOutEverywhere";
    }

    @PostMapping("/account/language")
    String language(@RequestParam String lang) {
        accounts.setLocale(CurrentActor.get(), lang);
        return "redirect:/account?lang=" + (UserAdministration.LOCALES.contains(lang) ? lang : "sq");
    }
}
