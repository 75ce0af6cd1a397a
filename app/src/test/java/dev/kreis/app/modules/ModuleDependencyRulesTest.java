package dev.kreis.app.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The architecture's dependency rule for modules and connectors: their classes refer to Kreis only through
 * {@code dev.kreis.spi} — never to the platform ({@code dev.kreis.platform}), the application or another
 * module or connector — and their Maven poms depend on no Kreis artifact but {@code kreis-spi}. Checked on
 * the compiled classes (every class file's constant pool) of every module and connector jar on the class path.
 */
class ModuleDependencyRulesTest {
    private static final Set<String> SHIPPED = Set.of("marketing", "sales", "support");
    private static final Set<String> CONNECTORS = Set.of("hubspot", "salesforce");

    @Test
    void moduleClassesReferToKreisOnlyThroughTheSpi() throws IOException, URISyntaxException {
        Map<String, Set<Path>> locations = locations("module");
        assertEquals(SHIPPED, locations.keySet(), "every shipped module is on the class path with a Jandex index");
        assertEquals(List.of(), violations("module", locations));
    }

    @Test
    void connectorClassesReferToKreisOnlyThroughTheSpi() throws IOException, URISyntaxException {
        Map<String, Set<Path>> locations = locations("connector");
        assertEquals(CONNECTORS, locations.keySet(), "every shipped connector is on the class path with a Jandex index");
        assertEquals(List.of(), violations("connector", locations));
    }

    @Test
    void connectorPomsDependOnNoKreisArtifactButTheSpi() throws IOException {
        for (String connector : CONNECTORS) {
            assertEquals(Set.of("kreis-spi"), kreisDependencies(Path.of("..", "connectors", connector, "pom.xml")),
                    "Kreis dependencies of connectors/" + connector + "/pom.xml");
        }
    }

    /** What classes of the given kind ({@code module} or {@code connector}) refer to outside the SPI and themselves. */
    private static List<String> violations(String kind, Map<String, Set<Path>> locations) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<Path>> module : locations.entrySet()) {
            for (Path location : module.getValue()) {
                forEachClass(location, module.getKey(), (name, bytes) -> {
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    Matcher kreis = Pattern.compile("dev/kreis/([a-z]+)(/([a-z]+))?").matcher(text);
                    Set<String> wrong = new TreeSet<>();
                    while (kreis.find()) {
                        String area = kreis.group(1);
                        boolean ownModule = area.equals(kind) && module.getKey().equals(kreis.group(3));
                        if (!area.equals("spi") && !ownModule) {
                            wrong.add(kreis.group());
                        }
                    }
                    if (!wrong.isEmpty()) {
                        violations.add(module.getKey() + ": " + name + " refers to " + wrong);
                    }
                });
            }
        }
        return violations;
    }

    @Test
    void modulePomsDependOnNoKreisArtifactButTheSpi() throws IOException {
        for (String module : SHIPPED) {
            assertEquals(Set.of("kreis-spi"), kreisDependencies(Path.of("..", "modules", module, "pom.xml")),
                    "Kreis dependencies of modules/" + module + "/pom.xml");
        }
    }

    private static Set<String> kreisDependencies(Path pomFile) throws IOException {
        String pom = Files.readString(pomFile);
        Matcher dependency = Pattern.compile("<groupId>dev\\.kreis</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        Set<String> kreis = new TreeSet<>();
        while (dependency.find()) {
            kreis.add(dependency.group(1));
        }
        kreis.remove("kreis-parent");
        return kreis;
    }

    /** Where the classes of each module or connector (package {@code dev.kreis.<kind>.<id>}) come from: a jar or a classes directory. */
    private static Map<String, Set<Path>> locations(String kind) throws IOException, URISyntaxException {
        Map<String, Set<Path>> locations = new TreeMap<>();
        Enumeration<URL> indexes = ModuleDependencyRulesTest.class.getClassLoader().getResources("META-INF/jandex.idx");
        while (indexes.hasMoreElements()) {
            URL url = indexes.nextElement();
            IndexView index;
            try (InputStream in = url.openStream()) {
                index = new IndexReader(in).read();
            }
            for (ClassInfo type : index.getKnownClasses()) {
                String name = type.name().toString();
                if (name.startsWith("dev.kreis." + kind + ".")) {
                    String id = name.substring(("dev.kreis." + kind + ".").length()).split("\\.")[0];
                    String external = url.toExternalForm();
                    Path location = external.startsWith("jar:")
                            ? Path.of(new URL(external.substring(4, external.indexOf("!/"))).toURI())
                            : Path.of(url.toURI()).getParent().getParent();
                    locations.computeIfAbsent(id, k -> new TreeSet<>()).add(location);
                }
            }
        }
        return locations;
    }

    private interface ClassVisitor {
        void visit(String name, byte[] bytes) throws IOException;
    }

    private static void forEachClass(Path location, String module, ClassVisitor visitor) throws IOException {
        int[] seen = { 0 };
        if (Files.isDirectory(location)) {
            walk(location, visitor, seen);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                walk(jar.getPath("/"), visitor, seen);
            }
        }
        assertTrue(seen[0] > 0, "classes of module " + module + " found in " + location);
    }

    private static void walk(Path root, ClassVisitor visitor, int[] seen) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                seen[0]++;
                visitor.visit(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
    }
}
