#!/usr/bin/python3
"""Protocol tests of the Persona Workbench kernel: a real kernel process driven by jupyter_client.

Run from the project root:  /usr/bin/python3 kernel/tests/test_kernel.py
Needs `mvn -B -q -o install -DskipTests` first (kernel jar, lib classes); the classpath files
kernel/target/classpath.txt and lib/target/classpath.txt are generated when missing.
Ends with a line "N passed, M failed"; the exit code is non-zero on any failure.
Environment: WORKBENCH_JDK17 / WORKBENCH_JDK25 override the JDKs used (JAVA_HOME of the kernel);
WORKBENCH_TEST_JAVA_HOME selects the JDK of the protocol tests (default: JDK 17).
"""
import base64
import os
import queue
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KERNEL_DIR = os.path.join(ROOT, "kernel")
JDK17 = os.environ.get("WORKBENCH_JDK17", "/usr/lib/jvm/java-17-openjdk-amd64")
JDK25 = os.environ.get("WORKBENCH_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64")
# JDK of the kernel that runs the protocol tests (the interrupt tests always use JDK 17 and 25)
PROTOCOL_JDK = os.environ.get("WORKBENCH_TEST_JAVA_HOME", JDK17)
TMP = tempfile.mkdtemp(prefix="workbench-kernel-test-")
os.environ["JUPYTER_PATH"] = os.path.join(TMP, "jupyter")
os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(TMP, "runtime")

from jupyter_client.manager import KernelManager  # noqa: E402  (after JUPYTER_PATH is set)


def ensure_classpath(module):
    path = os.path.join(ROOT, module, "target", "classpath.txt")
    if not os.path.exists(path):
        subprocess.run(["mvn", "-B", "-q", "-o", "-pl", module, "dependency:build-classpath",
                        "-Dmdep.outputFile=target/classpath.txt"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    with open(path) as f:
        return f.read().strip()


def user_classpath():
    classes = os.path.join(ROOT, "lib", "target", "classes")
    if not os.path.isdir(classes):
        raise SystemExit("lib/target/classes missing: run mvn -B -q -o install -DskipTests first")
    return ensure_classpath("lib") + os.pathsep + classes


def setup_kernelspec():
    ensure_classpath("kernel")
    subprocess.run([os.path.join(KERNEL_DIR, "bin", "install-kernelspec"), os.environ["JUPYTER_PATH"]],
                   check=True, stdout=subprocess.DEVNULL)


class Kernel:
    """A started kernel with a blocking client."""

    def __init__(self, java_home=JDK17, classpath=None):
        env = dict(os.environ)
        env["JAVA_HOME"] = java_home
        env["WORKBENCH_CLASSPATH"] = classpath if classpath is not None else user_classpath()
        self.km = KernelManager(kernel_name="workbench-java")
        self.km.start_kernel(env=env, cwd=TMP)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def execute(self, code, timeout=60):
        """Runs code; returns (reply content, [(receive time, msg_type, content)] of iopub outputs)."""
        outputs = []

        def hook(msg):
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append((time.monotonic(), msg["msg_type"], msg["content"]))

        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
        return reply["content"], outputs

    def value(self, code):
        reply, outs = self.execute(code)
        assert reply["status"] == "ok", reply
        results = [c for _, t, c in outs if t == "execute_result"]
        return results[0]["data"] if results else None

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def feature_version(java_home):
    with open(os.path.join(java_home, "release")) as f:
        for line in f:
            if line.startswith("JAVA_VERSION="):
                return line.split("=", 1)[1].strip().strip('"').split(".")[0]
    raise AssertionError("no JAVA_VERSION in " + java_home)


def png_size(b64):
    raw = base64.b64decode(b64)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", raw[:8]
    return struct.unpack(">II", raw[16:24])


def shell_reply(kc, msg_id, timeout):
    """The shell reply to msg_id within timeout seconds (other replies are skipped), else None."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
        if time.monotonic() >= deadline:
            return None


def is_complete(kc, code):
    return shell_reply(kc, kc.is_complete(code), 20)["content"]["status"]


def interrupt_check(test, kernel):
    """Starts `while (true) {}`, interrupts after 1 s, asserts the reply within 2 s and a usable kernel."""
    kc = kernel.kc
    test.assertEqual(kernel.value("long n = 0;\nn")["text/plain"], "0")
    msg_id = kc.execute("while (true) { n++; }")
    time.sleep(1.0)
    test.assertIsNone(shell_reply(kc, msg_id, 0.1), "the endless loop ended by itself")
    sent = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, sent + 2.0 - time.monotonic())
    test.assertIsNotNone(reply, "no execute_reply within 2 s of the interrupt")
    test.assertEqual(reply["content"]["status"], "error")
    test.assertEqual(reply["content"]["ename"], "Interrupted")
    test.assertEqual(kernel.value("n > 0")["text/plain"], "true")
    test.assertEqual(kernel.value("40 + 2")["text/plain"], "42")


class KernelProtocolTest(unittest.TestCase):
    kernel = None

    @classmethod
    def setUpClass(cls):
        setup_kernelspec()
        cls.kernel = Kernel(PROTOCOL_JDK)

    @classmethod
    def tearDownClass(cls):
        if cls.kernel:
            cls.kernel.stop()

    def test_kernel_info_and_kernelspec(self):
        reply = self.kernel.kc.kernel_info(reply=True, timeout=10)["content"]
        self.assertEqual(reply["language_info"]["name"], "java")
        self.assertEqual(reply["language_info"]["version"], feature_version(PROTOCOL_JDK))
        with open(os.path.join(os.environ["JUPYTER_PATH"], "kernels", "workbench-java", "kernel.json")) as f:
            spec = f.read()
        self.assertIn('"interrupt_mode": "message"', spec)
        self.assertIn(os.path.join(KERNEL_DIR, "bin", "workbench-kernel"), spec)

    def test_value_of_last_expression(self):
        data = self.kernel.value('int x = 5;\nString s = "hi";\ns + x')
        self.assertEqual(data, {"text/plain": "hi5"})  # String unquoted
        reply, outs = self.kernel.execute("int declared = 1;\nvoid m() {}")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outs, [])  # declarations print nothing
        self.assertEqual(self.kernel.value("declared + 1")["text/plain"], "2")

    def test_compile_error_names_line_and_column(self):
        reply, outs = self.kernel.execute("int a = 1;\nint b = 2;\nint c = a +\n    nosuch;")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "CompilationError")
        self.assertIn("cell line 4, column 5", reply["evalue"])
        self.assertIn("cannot find symbol", reply["evalue"])
        self.assertEqual([t for _, t, _ in outs], ["error"])

    def test_runtime_error_user_frames_first(self):
        reply, _ = self.kernel.execute("int div(int a) {\n  return 10 / a;\n}\nint r = div(0);")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.ArithmeticException")
        self.assertEqual(reply["evalue"], "/ by zero")
        tb = reply["traceback"]
        self.assertTrue(tb[0].startswith("java.lang.ArithmeticException: / by zero"), tb)
        self.assertRegex(tb[1], r"at div \(cell \[\d+\] line 2\)")
        self.assertRegex(tb[2], r"at <cell> \(cell \[\d+\] line 4\)")
        self.assertEqual(len(tb), 3, tb)  # no JShell or reflection frames

    def test_stdout_and_stderr_stream_while_running(self):
        reply, outs = self.kernel.execute(
            'System.out.println("first");\nThread.sleep(1500);\nSystem.err.println("second");\n"end"')
        done = time.monotonic()
        self.assertEqual(reply["status"], "ok")
        streams = [(t, c["name"], c["text"]) for t, mt, c in outs if mt == "stream"]
        self.assertEqual([(n, x) for _, n, x in streams], [("stdout", "first\n"), ("stderr", "second\n")])
        self.assertGreater(done - streams[0][0], 1.0, "stdout arrived only at the end of the cell")
        self.assertEqual(outs[-1][2]["data"], {"text/plain": "end"})

    def test_tablesaw_table_as_html(self):
        data = self.kernel.value(
            "import tech.tablesaw.api.*;\n"
            "Table t = Table.create(\"demo\", IntColumn.create(\"n\", java.util.stream.IntStream.range(0, 30).toArray()),\n"
            "    StringColumn.create(\"s\", java.util.stream.IntStream.range(0, 30).mapToObj(i -> \"<v\" + i + \">\").toArray(String[]::new)));\n"
            "t")
        html = data["text/html"]
        self.assertIn("<table", html)
        self.assertIn("demo \u00b7 30 rows \u00d7 2 columns", html)
        self.assertIn("<td>&lt;v0&gt;</td>", html)
        self.assertIn("<td>&lt;v29&gt;</td>", html)
        self.assertNotIn("&lt;v15&gt;", html)  # middle rows elided (20-row limit)
        self.assertIn("\u2026", html)
        self.assertRegex(data["text/plain"], r"\n +\| n +\| s\n0 +\| 0 +\| <v0>\n")

    def test_png_of_buffered_image_and_xchart(self):
        data = self.kernel.value(
            "var img = new java.awt.image.BufferedImage(7, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg")
        self.assertEqual(png_size(data["image/png"]), (7, 3))
        code = ("var chart = new org.knowm.xchart.XYChartBuilder().width(320).height(200).title(\"t\").build();\n"
                "chart.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nchart")
        first = self.kernel.value(code)
        self.assertEqual(png_size(first["image/png"]), (320, 200))
        self.assertIn("<svg", first["image/svg+xml"])
        second = self.kernel.value(code)
        self.assertEqual(first, second)  # byte-identical re-render

    def test_display_helpers_and_mime_bundle(self):
        reply, outs = self.kernel.execute(
            "class Fig { public Map<String, String> mimeBundle() { return Map.of(\"text/html\", \"<i>fig</i>\"); } }\n"
            "display(new Fig());\nhtml(\"<b>b</b>\");\nmarkdown(\"# m\");\ndisplay(\"plain\");")
        self.assertEqual(reply["status"], "ok")
        shown = [c for _, t, c in outs if t == "display_data"]
        self.assertEqual([d["data"].get("text/html") or d["data"].get("text/markdown") or d["data"]["text/plain"]
                          for d in shown], ["<i>fig</i>", "<b>b</b>", "# m", "plain"])
        for d in shown:
            self.assertNotIn("display_id", d.get("transient", {}))
            self.assertIn("text/plain", d["data"])

    def test_complete(self):
        self.kernel.execute('String longVariableName = "";')
        reply = self.kernel.kc.complete("int k = 1;\nMath.ab", 18, reply=True, timeout=20)["content"]
        self.assertIn("abs(", reply["matches"])
        self.assertEqual((reply["cursor_start"], reply["cursor_end"]), (16, 18))
        reply = self.kernel.kc.complete("longVar", 7, reply=True, timeout=20)["content"]
        self.assertEqual(reply["matches"], ["longVariableName"])

    def test_is_complete(self):
        kc = self.kernel.kc
        self.assertEqual(is_complete(kc, "int x = 1;"), "complete")
        self.assertEqual(is_complete(kc, "for (int i = 0; i < 3; i++) {"), "incomplete")
        self.assertEqual(is_complete(kc, "%jars lib/*.jar\n1 + 1"), "complete")
        self.assertEqual(is_complete(kc, "int x = ) 1;"), "invalid")

    def test_inspect(self):
        reply = self.kernel.kc.inspect("Math.max", 8, reply=True, timeout=30)["content"]
        self.assertEqual(reply["status"], "ok")
        self.assertTrue(reply["found"])
        self.assertIn("max(", reply["data"]["text/plain"])
        reply = self.kernel.kc.inspect("  ", 1, reply=True, timeout=30)["content"]
        self.assertFalse(reply["found"])

    def test_magics_classpath_jars_maven(self):
        src = os.path.join(TMP, "greet")
        os.makedirs(src, exist_ok=True)
        with open(os.path.join(src, "Greeter.java"), "w") as f:
            f.write("package demo; public class Greeter { public String hi() { return \"hi from jar\"; } }\n")
        subprocess.run([os.path.join(PROTOCOL_JDK, "bin", "javac"), "--release", "17", "-d", src,
                        os.path.join(src, "Greeter.java")], check=True)
        jars = os.path.join(TMP, "jars")
        os.makedirs(jars, exist_ok=True)
        subprocess.run([os.path.join(PROTOCOL_JDK, "bin", "jar"), "cf", os.path.join(jars, "greeter.jar"), "-C", src,
                        "demo/Greeter.class"], check=True)
        self.assertEqual(self.kernel.value("%jars " + jars + "/*.jar\nnew demo.Greeter().hi()"),
                         {"text/plain": "hi from jar"})
        reply, _ = self.kernel.execute("%jars " + jars + "/*.nothing")
        self.assertEqual((reply["status"], reply["ename"]), ("error", "MagicError"))
        self.assertIn("matched no .jar", reply["evalue"])
        reply, _ = self.kernel.execute("%classpath " + os.path.join(TMP, "missing-dir"))
        self.assertEqual(reply["ename"], "MagicError")
        # jmh-core is a pinned dependency of bench/ (so it is in the local repository) and on neither
        # lib's nor the kernel's classpath; jopt-simple comes in as its transitive dependency
        with open(os.path.join(ROOT, "pom.xml")) as f:
            jmh = re.search(r"<jmh.version>([^<]+)</jmh.version>", f.read()).group(1)
        data = self.kernel.value("%maven org.openjdk.jmh:jmh-core:" + jmh + "\n"
                                 "new org.openjdk.jmh.runner.options.OptionsBuilder().getClass().getSimpleName()"
                                 " + \" \" + new joptsimple.OptionParser().getClass().getSimpleName()")
        self.assertEqual(data, {"text/plain": "OptionsBuilder OptionParser"})


class KernelLifecycleTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        setup_kernelspec()

    def test_interrupt_jdk17(self):
        kernel = Kernel(JDK17, classpath="")
        try:
            interrupt_check(self, kernel)
        finally:
            kernel.stop()

    @unittest.skipUnless(os.path.exists(os.path.join(JDK25, "bin", "java")), "JDK 25 not installed")
    def test_interrupt_jdk25(self):
        kernel = Kernel(JDK25, classpath="")
        try:
            reply = kernel.kc.kernel_info(reply=True, timeout=10)["content"]
            self.assertEqual(reply["language_info"]["version"], feature_version(JDK25))
            interrupt_check(self, kernel)
        finally:
            kernel.stop()

    def test_restart(self):
        kernel = Kernel(JDK17, classpath="")
        try:
            self.assertEqual(kernel.value("int before = 7;\nbefore")["text/plain"], "7")
            old_pid = kernel.km.provisioner.pid
            kernel.km.restart_kernel(now=False)
            kernel.kc.wait_for_ready(timeout=60)
            self.assertNotEqual(kernel.km.provisioner.pid, old_pid)
            reply, _ = kernel.execute("before")
            self.assertEqual(reply["ename"], "CompilationError")  # fresh session
            self.assertEqual(kernel.value("1 + 1")["text/plain"], "2")
        finally:
            kernel.stop()


def main():
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    suite.addTests(loader.loadTestsFromTestCase(KernelProtocolTest))
    suite.addTests(loader.loadTestsFromTestCase(KernelLifecycleTest))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    shutil.rmtree(TMP, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.stdout.flush()
    os._exit(1 if failed else 0)  # skip jupyter_client's noisy interpreter-shutdown finalizers


if __name__ == "__main__":
    main()
