package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.junit.jupiter.api.Test;

class StreamPublisherTest {

    @Test
    void incompleteUtf8SequencesStayBuffered() {
        byte[] euro = "a\u20ac".getBytes(StandardCharsets.UTF_8); // 61 e2 82 ac
        assertThat(StreamPublisher.completeUtf8Prefix(euro)).isEqualTo(4);
        assertThat(StreamPublisher.completeUtf8Prefix(java.util.Arrays.copyOf(euro, 3))).isEqualTo(1);
        assertThat(StreamPublisher.completeUtf8Prefix(java.util.Arrays.copyOf(euro, 2))).isEqualTo(1);
        assertThat(StreamPublisher.completeUtf8Prefix(new byte[0])).isZero();
    }

    @Test
    void withoutARunningCellTextGoesToTheFallbackOnFlush() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamPublisher p = new StreamPublisher(PublishStream.StreamType.OUT, () -> null,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        byte[] bytes = "x\u20ac".getBytes(StandardCharsets.UTF_8);
        p.write(bytes, 0, 3); // 'x' and 2 of the 3 euro bytes
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty(); // no flush yet
        p.flush();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("x"); // the partial character waits
        p.write(bytes, 3, 1);
        p.flush();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("x\u20ac");
        // an auto-flushing PrintStream publishes on every print call, in program order
        PrintStream out = new PrintStream(p, true, StandardCharsets.UTF_8);
        out.print("a");
        out.println("b");
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("x\u20acab" + System.lineSeparator());
    }
}
