package dev.kreis.app.contract;

/**
 * How to exercise one operation: send at least one request it must accept and one it must refuse. A
 * fixture makes the entities it needs itself (through the API), so fixtures run in any order.
 */
@FunctionalInterface
interface Fixture {
    void exercise(Contract contract);
}
