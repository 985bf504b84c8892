package edu.alumni.engine.catalogue;

public record Fund(String code, String name, boolean restricted) {
}
