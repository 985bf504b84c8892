package edu.alumni.engine.catalogue;

public record Chapter(String code, String name) {
}
