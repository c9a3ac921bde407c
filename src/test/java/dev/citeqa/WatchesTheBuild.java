package dev.citeqa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@code @QuarkusTest} class that watches the index build: {@link AwaitIndex} does not wait for it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WatchesTheBuild {}
