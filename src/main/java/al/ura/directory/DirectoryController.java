package al.ura.directory;

import al.ura.kernel.CurrentActor;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DirectoryController {

    private final OrganisationDirectory directory;

    DirectoryController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/directory")
    String organisations(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", directory.list(CurrentActor.get(), cursor, Cursors.DEFAULT_LIMIT));
        return "directory/organisations";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        /** People who keep their organisation's entry right without administering its users. */
        @Bean
        al.ura.kernel.RoleDefinition directoryEditor() {
            return new al.ura.kernel.RoleDefinition(
                    "directory-editor", Set.of(DirectoryPermissions.READ, DirectoryPermissions.MANAGE_OWN), false, 60);
        }

        @Bean
        NavigationItem directoryNavigation() {
            return new NavigationItem("nav.directory", "/directory", 100, Set.of(DirectoryPermissions.READ));
        }
    }
}
