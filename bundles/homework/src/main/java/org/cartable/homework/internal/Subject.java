package org.cartable.homework.internal;

/** The subjects of French primary school timetables (names in the app's texts, key {@code subject.<NAME>}). */
public enum Subject {
    FRENCH,
    MATHS,
    SCIENCES,
    HISTORY,
    GEOGRAPHY,
    ENGLISH,
    CIVICS,
    ARTS,
    MUSIC,
    SPORT,
    OTHER
}
