package org.uncac.platform.eventstore;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service's registry of stored event names ({@link EventType}): its own events and its copies of other
 * services' events, by stable name and by the names they were formerly stored under. A name claimed by two
 * classes of one service is refused at start-up, since the store could not say which one it means.
 */
public final class EventTypes {

    private final Map<Class<?>, String> nameByClass;
    private final Map<String, Class<?>> classByName;

    private EventTypes(Map<Class<?>, String> nameByClass, Map<String, Class<?>> classByName) {
        this.nameByClass = Map.copyOf(nameByClass);
        this.classByName = Map.copyOf(classByName);
    }

    public static EventTypes none() {
        return of(List.of());
    }

    public static EventTypes of(Collection<Class<?>> classes) {
        Map<Class<?>, String> nameByClass = new HashMap<>();
        Map<String, Class<?>> classByName = new HashMap<>();
        for (Class<?> type : classes) {
            EventType declared = type.getAnnotation(EventType.class);
            if (declared == null) {
                throw new IllegalArgumentException(type.getName() + " declares no @EventType");
            }
            nameByClass.put(type, declared.value());
            claim(classByName, declared.value(), type);
            for (String former : declared.formerly()) {
                claim(classByName, former, type);
            }
        }
        return new EventTypes(nameByClass, classByName);
    }

    /** Every class annotated with {@link EventType} in the packages (a service's own packages), nested ones too. */
    public static EventTypes scan(Collection<String> basePackages, ClassLoader classLoader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        List<Class<?>> classes = basePackages.stream()
                .flatMap(base -> scanner.findCandidateComponents(base).stream())
                .map(BeanDefinition::getBeanClassName).distinct()
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, classLoader))
                .toList();
        return of(classes);
    }

    private static void claim(Map<String, Class<?>> classByName, String name, Class<?> type) {
        Class<?> other = classByName.putIfAbsent(name, type);
        if (other != null && other != type) {
            throw new IllegalStateException("Stored event name '" + name + "' is claimed by both " + other.getName()
                    + " and " + type.getName());
        }
    }

    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(nameByClass.get(type));
    }

    public Optional<Class<?>> classOf(String storedName) {
        return Optional.ofNullable(classByName.get(storedName));
    }
}
