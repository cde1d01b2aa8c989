package al.ura.web;

import al.ura.directory.OrganisationDirectory;
import al.ura.identity.AccountService;
import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard: who you are, where you belong, what is new, and where you can go. */
@Controller
class HomeController {

    private final AccountService accounts;
    private final OrganisationDirectory directory;
    private final Notifications notifications;

    HomeController(AccountService accounts, OrganisationDirectory directory, Notifications notifications) {
        this.accounts = accounts;
        this.directory = directory;
        this.notifications = notifications;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("me", accounts.me(actor));
        model.addAttribute(
                "organisation",
                actor.organisationId() == null
                        ? null
                        : directory.find(actor.organisationId()).orElse(null));
        model.addAttribute("unread", notifications.unreadCount(actor));
        return "web/home";
    }

    @GetMapping("/api")
    String apiPage() {
        return "web/api";
    }
}
