/*
 * From rapaio-jupyter-kernel 3.0.1 (https://github.com/padreati/rapaio-jupyter-kernel, tag 3.0.1),
 * Copyright 2023 Aurelian Tutuianu, MIT License. Changed by the ECS-Wasm Workbench: the running flag is set
 * before the thread starts.
 * Compiled into target/jupyter/patch, which comes before the kernel jar on the kernel's class path
 * (notebooks/kernel/kernel.json), so this class replaces the jar's own.
 */
package org.rapaio.jupyter.kernel.channels;

/**
 * Thread which runs in loop the loop body after each waiting period.
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        // Set before the thread starts: set after, a thread that runs first sees false and ends at
        // once, leaving its channel deaf (the kernel then never answers).
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
