package al.ura.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A module or repository test with the whole application on a real database: the build runs it
 * on H2 and again on PostgreSQL. The application's clock is a {@link TestClock} the test may set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("db")
@ExtendWith({PostgresAvailability.class, TestClockConfiguration.Reset.class})
@Import(TestClockConfiguration.class)
@SpringBootTest(
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "ura.audit.seal-interval=PT0.2S"})
@AutoConfigureMockMvc
public @interface DatabaseTest {}
