package al.ura.identity;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, second factor, enrolment of a second factor, and invitations. */
@Controller
class SignInController {

    static final String ENROLMENT = "ura.enrolment";
    static final String RECOVERY_CODES = "ura.recoveryCodes";

    private final LoginService login;
    private final AccountService accounts;
    private final UserRepository users;
    private final ActorFactory actors;
    private final SecurityContextRepository contexts;

    SignInController(
            LoginService login,
            AccountService accounts,
            UserRepository users,
            ActorFactory actors,
            SecurityContextRepository contexts) {
        this.login = login;
        this.accounts = accounts;
        this.users = users;
        this.actors = actors;
        this.contexts = contexts;
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("error", error);
        return "identity/login";
    }

    @GetMapping("/login/second-factor")
    String secondFactorPage() {
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String secondFactor(
            @RequestParam String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        UUID userId = requireUser();
        return switch (login.checkSecondFactor(userId, code, request.getRemoteAddr())) {
            case LoginService.SecondFactorOutcome.Accepted accepted -> {
                upgrade(accepted.user(), request, response);
                yield "redirect:/";
            }
            case LoginService.SecondFactorOutcome.Rejected rejected -> {
                model.addAttribute("error", "signin.second-factor.wrong");
                response.setStatus(422);
                yield "identity/second-factor";
            }
            case LoginService.SecondFactorOutcome.Locked locked -> {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                yield "redirect:/login?error=locked";
            }
        };
    }

    @GetMapping("/account/second-factor/enrol")
    String enrolPage(HttpSession session, Model model) {
        AccountService.Enrolment enrolment = (AccountService.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            enrolment = accounts.startEnrolment(requireUser());
            session.setAttribute(ENROLMENT, enrolment);
        }
        model.addAttribute("enrolment", enrolment);
        return "identity/enrol";
    }

    @PostMapping("/account/second-factor/enrol")
    String enrol(
            @RequestParam String code,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        AccountService.Enrolment enrolment = (AccountService.Enrolment) session.getAttribute(ENROLMENT);
        UUID userId = requireUser();
        if (enrolment == null) {
            return "redirect:/account/second-factor/enrol";
        }
        try {
            List<String> codes = accounts.confirmEnrolment(userId, enrolment, code);
            session.removeAttribute(ENROLMENT);
            upgrade(users.find(userId).orElseThrow(), request, response);
            request.getSession().setAttribute(RECOVERY_CODES, codes);
            return "redirect:/account/recovery-codes";
        } catch (ProblemException wrongCode) {
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("error", "signin.second-factor.wrong");
            response.setStatus(422);
            return "identity/enrol";
        }
    }

    @GetMapping("/invitation/{token}")
    String invitationPage(@PathVariable String token, Model model) {
        return accounts.invitation(token)
                .map(user -> {
                    model.addAttribute("invitee", user);
                    model.addAttribute("token", token);
                    return "identity/invitation";
                })
                .orElse("identity/invitation-expired");
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String repeatPassword,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.acceptInvitation(token, password, repeatPassword);
            return "redirect:/login?invitationAccepted";
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                return "identity/invitation-expired";
            }
            accounts.invitation(token).ifPresent(user -> model.addAttribute("invitee", user));
            model.addAttribute("token", token);
            model.addAttribute("problem", problem);
            response.setStatus(422);
            return "identity/invitation";
        }
    }

    /** Replaces the half-signed-in session with a full one, under a new session id. */
    private void upgrade(UserRecord user, HttpServletRequest request, HttpServletResponse response) {
        Actor full = actors.full(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                full, null, SessionAuthorities.of(SessionAuthorities.FULL)));
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static UUID requireUser() {
        UUID id = CurrentActor.get().userId();
        if (id == null) {
            throw ProblemException.forbidden();
        }
        return id;
    }
}
