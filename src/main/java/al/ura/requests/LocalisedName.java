package al.ura.requests;

import al.ura.directory.DataItem;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.context.MessageSourceResolvable;

/**
 * An enum constant as a message argument: a reader sees its name in their language (the bundle
 * entry {@code code}), a client that reads the problems as data sees the constant.
 */
record LocalisedName(String code, String constant) implements MessageSourceResolvable {

    static LocalisedName of(DataItem item) {
        return new LocalisedName("directory.data-item." + item.name(), item.name());
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public String getDefaultMessage() {
        return constant;
    }

    @JsonValue
    @Override
    public String toString() {
        return constant;
    }
}
