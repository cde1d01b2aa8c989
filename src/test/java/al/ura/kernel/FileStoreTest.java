package al.ura.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.ura.testing.DatabaseTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseTest
class FileStoreTest {

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPdfIsStoredWithItsMeasuredSizeHashAndTypeAndReadBack() throws Exception {
        byte[] pdf = "%PDF-1.7\nfictional order\n%%EOF".getBytes(StandardCharsets.US_ASCII);

        StoredFile stored = files.store(
                new ByteArrayInputStream(pdf), "C:\\Users\\x\\urdhri.pdf", 1024, FileStore.DOCUMENTS, "attachment");

        assertThat(stored.originalName()).isEqualTo("urdhri.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.sizeBytes()).isEqualTo(pdf.length);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(files.find(stored.id())).contains(stored);
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void anExecutableDressedAsAPdfATooLargeAndAnEmptyFileAreRefusedAndNothingIsKept() {
        long before = count();
        byte[] executable = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};

        assertThatThrownBy(() -> files.store(
                        new ByteArrayInputStream(executable), "order.pdf", 1024, FileStore.DOCUMENTS, "attachment"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.fieldProblems())
                                .extracting(ProblemException.FieldProblem::messageKey)
                                .containsExactly("validation.file.type"));
        assertThatThrownBy(() -> files.store(
                        new ByteArrayInputStream(new byte[200_000]), "big.txt", 100_000, FileStore.DOCUMENTS, "f"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.fieldProblems())
                                .extracting(ProblemException.FieldProblem::messageKey)
                                .containsExactly("validation.file.too-large"));
        assertThatThrownBy(() ->
                        files.store(new ByteArrayInputStream(new byte[0]), "empty.txt", 100, FileStore.DOCUMENTS, "f"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.fieldProblems())
                                .extracting(ProblemException.FieldProblem::messageKey)
                                .containsExactly("validation.file.empty"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void textIsToldApartByItsBytesNotItsName() {
        byte[] csv = "kodi;masa\nM1;Realizuar — ë ç\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileStore.ContentTypes.sniff(csv, csv.length, "data.csv")).isEqualTo("text/csv");
        assertThat(FileStore.ContentTypes.sniff(csv, csv.length, "data.txt")).isEqualTo("text/plain");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        assertThat(FileStore.ContentTypes.sniff(png, png.length, "x.pdf")).isEqualTo("image/png");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
    }
}
