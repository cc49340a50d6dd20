package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class WorkbenchKernelTest {

    @Test
    void classpathVariableIsSplitOnThePathSeparatorDroppingBlanks() {
        String sep = File.pathSeparator;
        assertThat(WorkbenchKernel.parseClasspath("a.jar" + sep + sep + " b/classes " + sep))
                .containsExactly(Path.of("a.jar"), Path.of("b/classes"));
        assertThat(WorkbenchKernel.parseClasspath("")).isEmpty();
        assertThat(WorkbenchKernel.parseClasspath(null)).isEmpty();
    }

    @Test
    void bundlesBecomeDisplayDataWithoutDisplayId() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "t");
        bundle.put("text/html", "<b>t</b>");
        DisplayData d = WorkbenchKernel.displayData(bundle);
        assertThat(d.getData(MIMEType.parse("text/plain"))).isEqualTo("t");
        assertThat(d.getData(MIMEType.parse("text/html"))).isEqualTo("<b>t</b>");
        assertThat(d.hasDisplayId()).isFalse();
    }
}
