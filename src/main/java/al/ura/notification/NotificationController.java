package al.ura.notification;

import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", notifications.list(CurrentActor.get(), cursor, Cursors.DEFAULT_LIMIT));
        return "notification/list";
    }

    /** The bell's count, loaded by htmx after the page so rendering a page costs no query for it. */
    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", notifications.unreadCount(CurrentActor.get()));
        return "notification/badge :: badge";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id) {
        notifications.markRead(CurrentActor.get(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead(CurrentActor.get());
        return "redirect:/notifications";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem notificationsNavigation() {
            return new NavigationItem("nav.notifications", "/notifications", 800, Set.of());
        }
    }
}

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    CursorPage<NotificationView> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return notifications.list(CurrentActor.get(), cursor, Cursors.limit(limit));
    }

    @GetMapping("/unread-count")
    Map<String, Integer> unread() {
        return Map.of("unread", notifications.unreadCount(CurrentActor.get()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        notifications.markRead(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }
}
