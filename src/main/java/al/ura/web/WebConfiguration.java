package al.ura.web;

import al.ura.kernel.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Albanian by default, English on request: {@code ?lang=en} on any page sets a cookie; API callers
 * use {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    static final Set<String> LANGUAGES = Set.of("sq", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver("ura-lang");
        pages.setDefaultLocale(ALBANIAN);
        pages.setCookieMaxAge(Duration.ofDays(365));
        pages.setCookieHttpOnly(true);
        pages.setCookieSameSite("Lax");
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    return fromAcceptLanguage(request.getHeader("Accept-Language"));
                }
                return pages.resolveLocale(request);
            }

            @Override
            public void setLocale(
                    HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                Locale supported = locale != null && LANGUAGES.contains(locale.getLanguage())
                        ? Locale.forLanguageTag(locale.getLanguage())
                        : ALBANIAN;
                pages.setLocale(request, response, supported);
            }
        };
    }

    /** The first supported language in the header's order of preference; Albanian when none is. */
    static Locale fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return ALBANIAN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                if (LANGUAGES.contains(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ALBANIAN;
        }
        return ALBANIAN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", 0, Set.of());
    }

    @Bean
    NavigationItem apiNavigation() {
        return new NavigationItem("nav.api", "/api", 900, Set.of());
    }
}
