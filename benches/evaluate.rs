//! The evaluator alone, per line, on the two line-mode workloads of
//! `just bench` (exact small rationals, and one square root a line), so a
//! change in line-mode speed can be traced to evaluation or to the rest.

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

criterion_group!(benches, per_line);
criterion_main!(benches);
