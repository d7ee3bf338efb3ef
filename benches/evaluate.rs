//! The evaluator alone, per line, on the two line-mode workloads of
//! `just bench` (exact small rationals, and one square root a line), so a
//! change in line-mode speed can be traced to evaluation or to the rest;
//! and an irrational line that the double-double first step decides against
//! one it must leave to the precision loop (a near tie).

use criterion::{Criterion, criterion_group, criterion_main};
use pebble::eval::{Session, Settings};

fn per_line(c: &mut Criterion) {
    let settings = Settings::default();
    let products: Vec<String> = (1..=1000).map(|n| format!("{n}*1.1+{n}/7")).collect();
    let roots: Vec<String> = (1..=1000)
        .map(|n| format!("sqrt({n})+({n}+0.5)^2/3-{n}*2.25"))
        .collect();
    for (name, lines) in [("N*1.1+N/7", &products), ("sqrt(N)+...", &roots)] {
        c.bench_function(&format!("evaluate 1000 lines of {name}"), |b| {
            b.iter(|| {
                let mut session = Session::new();
                for line in lines {
                    criterion::black_box(session.evaluate(line, &settings).unwrap());
                }
            })
        });
    }
}

fn first_step_against_the_loop(c: &mut Criterion) {
    let settings = Settings::default();
    // Both are sqrt(2) plus a fraction; the second lands within 1e-24 of
    // a 15-digit rounding tie, inside the first step's error bound.
    for (name, line) in [
        ("decided by the first step", "sqrt(2)+1725033/5419351"),
        (
            "left to the precision loop",
            "sqrt(2)+1972065558920893397/6195426672303342257",
        ),
    ] {
        c.bench_function(&format!("one irrational line, {name}"), |b| {
            let mut session = Session::new();
            b.iter(|| criterion::black_box(session.evaluate(line, &settings).unwrap()))
        });
    }
}

criterion_group!(benches, per_line, first_step_against_the_loop);
criterion_main!(benches);
