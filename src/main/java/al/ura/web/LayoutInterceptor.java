package al.ura.web;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page what the layout needs: who is signed in and the navigation their
 * permissions allow. Runs only when a view is rendered, so API calls pay nothing for it.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final List<NavigationItem> navigation;

    LayoutInterceptor(List<NavigationItem> navigation) {
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Actor actor = CurrentActor.get();
        boolean signedIn =
                actor.kind() == Actor.Kind.USER && !actor.permissions().isEmpty();
        view.addObject("actor", actor);
        view.addObject("signedIn", signedIn);
        view.addObject(
                "navigation",
                signedIn
                        ? navigation.stream()
                                .filter(item -> item.visibleTo(actor))
                                .toList()
                        : List.of());
        view.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
