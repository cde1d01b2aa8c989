package al.ura.kernel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
