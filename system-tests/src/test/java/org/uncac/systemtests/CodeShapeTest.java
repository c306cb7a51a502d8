package org.uncac.systemtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.eventstore.EventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the main code of every module, kept true by these rules (ArchUnit, on the compiled classes):
 * no package cycle, services that know nothing of each other, aggregates without HTTP, controllers that stay
 * small, and every stored event named.
 */
class CodeShapeTest {

    private static final List<String> SERVICES = List.of("org.uncac.notesverbales", "org.uncac.directory",
            "org.uncac.meetings", "org.uncac.recommendations", "org.uncac.auth", "org.uncac.gateway", "org.uncac.console");

    static final int MAX_CONTROLLER_LINES = 160;

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))   // other modules' test helpers
                .importPackages("org.uncac");
    }

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().matching("org.uncac.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(other -> !other.equals(service)).map(other -> other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(service + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).check(main);
        }
    }

    /** The benchmarks drive the suite through HTTP (they are built only with -Pbench, so their pom is read). */
    @Test
    void theBenchmarksDependOnNoServiceModule() throws IOException {
        String pom = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("bench/pom.xml"));
        assertThat(pom).doesNotContain("<artifactId>directory-service</artifactId>",
                "<artifactId>notes-verbales-service</artifactId>", "<artifactId>meetings-service</artifactId>",
                "<artifactId>recommendations-service</artifactId>", "<artifactId>auth-server</artifactId>",
                "<artifactId>gateway</artifactId>", "<artifactId>console</artifactId>");
    }

    @Test
    void aggregatesKnowNothingOfHttp() {
        classes().that().areAnnotatedWith(Aggregate.class).should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("org.springframework.http..", "org.springframework.web..",
                        "org.uncac.platform.web..", "org.springframework.data..", "reactor..")
                .check(main);
    }

    @Test
    void everyEventRecordHasAStableStoredName() {
        classes().that(areRecordsEnclosedIn("Events"))
                .should().beAnnotatedWith(EventType.class).check(main);
    }

    /** A controller only translates HTTP to commands and queries: a long one holds what belongs elsewhere. */
    @Test
    void controllersStayShort() {
        classes().that().areAnnotatedWith(RestController.class).should(haveAtMostSourceLines(MAX_CONTROLLER_LINES))
                .check(main);
    }

    private static DescribedPredicate<JavaClass> areRecordsEnclosedIn(String suffix) {
        return DescribedPredicate.describe("are records nested in a class named *" + suffix,
                type -> type.getEnclosingClass().map(outer -> outer.getSimpleName().endsWith(suffix)).orElse(false)
                        && type.reflect().isRecord());
    }

    private static ArchCondition<JavaClass> haveAtMostSourceLines(int most) {
        return new ArchCondition<>("have at most " + most + " lines of source") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Path source = sourceOf(type);
                try (Stream<String> lines = Files.lines(source)) {
                    long count = lines.count();
                    if (count > most) {
                        events.add(SimpleConditionEvent.violated(type, source + " has " + count + " lines"));
                    }
                } catch (IOException e) {
                    events.add(SimpleConditionEvent.violated(type, "no source found for " + type.getName()));
                }
            }
        };
    }

    /** The class's source in whichever module of this checkout holds it (tests run in {@code system-tests}). */
    private static Path sourceOf(JavaClass type) {
        String file = "src/main/java/" + type.getName().replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(Path.of("").toAbsolutePath().getParent())) {
            return modules.map(module -> module.resolve(file)).filter(Files::exists).findFirst()
                    .orElse(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
