package al.ura.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates as people here write them ({@code dd.MM.yyyy}), in the deployment's time zone; templates
 * call it as {@code @dates}. Storage and the API stay in UTC.
 */
@Component("dates")
public class Dates {

    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    Dates(@Value("${ura.time-zone:Europe/Tirane}") String zone) {
        ZoneId id = ZoneId.of(zone);
        this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(id);
        this.dateTime = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(id);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }
}
