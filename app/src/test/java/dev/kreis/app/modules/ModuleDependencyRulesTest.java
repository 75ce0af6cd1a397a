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
 * The architecture's dependency rule for modules: a module's classes refer to Kreis only through
 * {@code dev.kreis.spi} — never to the platform ({@code dev.kreis.platform}), the application or another
 * module — and its Maven pom depends on no Kreis artifact but {@code kreis-spi}. Checked on the compiled
 * classes (every class file's constant pool) of every module jar on the class path.
 */
class ModuleDependencyRulesTest {
    private static final Set<String> SHIPPED = Set.of("marketing", "sales", "support");

    @Test
    void moduleClassesReferToKreisOnlyThroughTheSpi() throws IOException, URISyntaxException {
        Map<String, Set<Path>> locations = moduleLocations();
        assertEquals(SHIPPED, locations.keySet(), "every shipped module is on the class path with a Jandex index");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<Path>> module : locations.entrySet()) {
            for (Path location : module.getValue()) {
                forEachClass(location, module.getKey(), (name, bytes) -> {
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    Matcher kreis = Pattern.compile("dev/kreis/([a-z]+)(/([a-z]+))?").matcher(text);
                    Set<String> wrong = new TreeSet<>();
                    while (kreis.find()) {
                        String area = kreis.group(1);
                        boolean ownModule = area.equals("module") && module.getKey().equals(kreis.group(3));
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
        assertEquals(List.of(), violations);
    }

    @Test
    void modulePomsDependOnNoKreisArtifactButTheSpi() throws IOException {
        for (String module : SHIPPED) {
            String pom = Files.readString(Path.of("..", "modules", module, "pom.xml"));
            Matcher dependency = Pattern.compile("<groupId>dev\\.kreis</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
            Set<String> kreis = new TreeSet<>();
            while (dependency.find()) {
                kreis.add(dependency.group(1));
            }
            kreis.remove("kreis-parent");
            assertEquals(Set.of("kreis-spi"), kreis, "Kreis dependencies of modules/" + module + "/pom.xml");
        }
    }

    /** Where the classes of each module (package {@code dev.kreis.module.<id>}) come from: a jar or a classes directory. */
    private static Map<String, Set<Path>> moduleLocations() throws IOException, URISyntaxException {
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
                if (name.startsWith("dev.kreis.module.")) {
                    String id = name.substring("dev.kreis.module.".length()).split("\\.")[0];
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
