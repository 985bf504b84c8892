package edu.alumni.engine.catalogue;

public record College(String code, String name) {
}
