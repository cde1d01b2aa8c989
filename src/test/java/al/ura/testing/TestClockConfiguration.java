package al.ura.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Puts a {@link TestClock} before the application's clock in every {@link DatabaseTest} context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** A test that set the clock leaves the next test the system's time. */
    public static class Reset implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context)
                    .getBean(TestClock.class)
                    .reset();
        }
    }
}
