package org.recourse.pdq.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file could not be read, in words: the JDK's own messages often repeat only the path. */
public final class FileProblems {

    private FileProblems() {}

    public static String why(Path file, Throwable failure) {
        return switch (failure) {
            case NoSuchFileException e -> "no such file";
            case AccessDeniedException e -> "permission denied";
            case OutOfMemoryError e -> "too large to read into memory";
            default -> Files.isDirectory(file) ? "it is a directory"
                    : failure.getMessage() == null || failure.getMessage().equals(file.toString())
                    ? failure.getClass().getSimpleName() : failure.getMessage();
        };
    }
}
