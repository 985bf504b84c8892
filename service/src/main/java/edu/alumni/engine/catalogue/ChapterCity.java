package edu.alumni.engine.catalogue;

public record ChapterCity(String cityKey, String city, String chapterCode) {
}
