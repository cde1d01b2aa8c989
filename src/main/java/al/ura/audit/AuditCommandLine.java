package al.ura.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --ura.cli=verify-audit}: verifies the configured database's ledger, prints the result as
 * JSON and exits with 0 when valid, 1 when broken. With {@code --file=<export.json>} it verifies an
 * export offline instead. The web server does not start in this mode.
 */
@Component
@ConditionalOnProperty(name = "ura.cli", havingValue = "verify-audit")
class AuditCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private final AuditService audit;
    private final JsonMapper json;
    private int exitCode = 2;

    AuditCommandLine(AuditService audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        AuditVerification result;
        if (args.containsOption("file")) {
            java.util.List<String> files = args.getOptionValues("file");
            Path file = Path.of(files == null || files.isEmpty() ? "" : files.getFirst());
            AuditExport export = json.readValue(Files.readString(file), AuditExport.class);
            result = audit.verifyExport(export);
        } else {
            result = audit.verifyAsSystem();
        }
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        exitCode = result.valid() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
