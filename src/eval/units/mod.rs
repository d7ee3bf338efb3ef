//! Units and dimensions. A unit is a dimension (integer powers of the SI
//! base dimensions and of data size) and an exact factor (a rational times
//! a power of π) to the SI base units; the temperature scales add an offset.
//! Everything about a unit is read from the one table in `table.rs`.

mod table;

use super::number::{self, unmetered};
use super::suggest::Nearest;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::One;
use std::sync::OnceLock;

/// Base dimensions, in the table's order. The angle is one of them, so an
/// angle never cancels into a plain number that the angle mode would read
/// again (`30 deg^2 / 1 deg` is 30 deg in either mode).
const BASES: [&str; 9] = ["m", "kg", "s", "A", "K", "mol", "cd", "bit", "rad"];

/// Where the angle is among the bases.
const ANGLE: usize = 8;

/// Powers of the base dimensions: `[1, 0, -2, …]` is m/s².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub struct Dimension(pub [i32; 9]);

impl Dimension {
    fn parse(text: &str) -> Dimension {
        let mut powers = [0; 9];
        for part in text.split(' ').filter(|p| !p.is_empty()) {
            let split = part
                .find(|c: char| c == '-' || c.is_ascii_digit())
                .unwrap_or(part.len());
            let (base, power) = part.split_at(split);
            let index = BASES.iter().position(|b| *b == base).expect("a base unit");
            powers[index] = if power.is_empty() { 1 } else { int(power) };
        }
        Dimension(powers)
    }

    pub fn is_none(&self) -> bool {
        self.0 == [0; 9]
    }

    /// The power of the angle, and the rest of the dimension.
    pub fn split_angle(self) -> (i32, Dimension) {
        let mut rest = self;
        rest.0[ANGLE] = 0;
        (self.0[ANGLE], rest)
    }

    /// Whether this is an angle: `rad`, `deg`, `rpm·s`.
    pub fn is_angle(self) -> bool {
        self.split_angle() == (1, Dimension::default())
    }

    pub fn scaled(self, by: i32) -> Dimension {
        Dimension(self.0.map(|p| p * by))
    }

    fn plus(self, other: Dimension) -> Dimension {
        let mut powers = self.0;
        for (p, q) in powers.iter_mut().zip(other.0) {
            *p += q;
        }
        Dimension(powers)
    }

    /// The dimension's name where it has one: "length", "energy".
    pub fn name(&self) -> Option<&'static str> {
        table::DIMENSIONS.lines().find_map(|line| {
            let (name, dimension) = line.split_once('|')?;
            (Dimension::parse(dimension) == *self).then_some(name)
        })
    }

    /// The same dimension in SI base units, each to its power.
    pub fn base_units(&self) -> Compound {
        let mut terms = Vec::new();
        for (base, power) in BASES.iter().zip(self.0) {
            if power != 0 {
                let unit = resolve(base).expect("base units are in the table").0;
                terms.push(UnitTerm { unit, power });
            }
        }
        Compound { terms }
    }
}

/// What a quantity measures, for messages: its dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    dimension: Dimension,
}

impl Measure {
    /// Boxed, as errors carry it: every `Result` in the evaluator stays small.
    pub fn of(unit: &Compound) -> Box<Measure> {
        Box::new(Measure {
            dimension: unit.dimension(),
        })
    }
}

impl From<Dimension> for Measure {
    fn from(dimension: Dimension) -> Measure {
        Measure { dimension }
    }
}

/// "a length", "an energy", "a plain number", or the base units of a
/// dimension without a name.
impl std::fmt::Display for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.dimension;
        // Pieces written in turn: no format arguments to build.
        match d.name() {
            _ if d.is_none() => f.write_str("a plain number"),
            Some(name) => {
                let vowel = name.starts_with(['a', 'e', 'i', 'o', 'u']);
                f.write_str(if vowel { "an " } else { "a " })?;
                f.write_str(name)
            }
            None => {
                f.write_str("a quantity in ")?;
                f.write_str(&d.base_units().render())
            }
        }
    }
}

/// A unit of the table with its prefix (0 for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnitRef {
    entry: u16,
    prefix: u8,
}

/// An exact factor `ratio × π^pi`.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    pub ratio: BigRational,
    pub pi: i32,
}

/// The factor of a unit of the table by name: `turn`, `deg`.
pub(in crate::eval) fn factor_of(name: &str) -> Factor {
    resolve(name).expect("a unit of the table").0.factor()
}

impl Factor {
    pub fn one() -> Factor {
        Factor {
            ratio: BigRational::one(),
            pi: 0,
        }
    }

    pub fn times(&self, other: &Factor, power: i32) -> Factor {
        // The number module's operations: no new rational code in the binary.
        let powered = unmetered::power(&other.ratio, power.unsigned_abs());
        let ratio = if power >= 0 {
            unmetered::product(&self.ratio, &powered)
        } else {
            unmetered::quotient(&self.ratio, &powered)
        };
        Factor {
            ratio,
            pi: self.pi + other.pi * power,
        }
    }

    pub fn over(&self, other: &Factor) -> Factor {
        self.times(other, -1)
    }
}

/// The unit table as read once, at first use: its lines, its prefixes
/// and an index of every name. No lookup or conversion reads the text
/// again.
struct Parsed {
    lines: Vec<Line>,
    prefixes: Vec<Prefix>,
    /// Every symbol and long name with its line (with `LONG` for a long
    /// name), sorted with ASCII letter case ignored (lines in table order
    /// among equal names), so that a name is found by binary search, as
    /// written or in any case, and what kind of name it is with it.
    names: Vec<(&'static str, u16)>,
}

/// Marks a long name's line in the index.
const LONG: u16 = 1 << 15;

/// A line of the unit table: its fields, its dimension and its factor.
struct Line {
    symbols: &'static str,
    long: &'static str,
    definition: &'static str,
    prefixes: &'static str,
    dimension: Dimension,
    /// Without prefix, resolved from the definition; `None` if it does not
    /// resolve (a unit test checks that every line does).
    factor: Option<Factor>,
}

/// A prefix of the table with its scale; the first is none.
struct Prefix {
    symbols: &'static str,
    long: &'static str,
    power: &'static str,
    scale: Factor,
}

fn parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut parsed = Parsed {
            lines: Vec::new(),
            prefixes: Vec::new(),
            names: Vec::new(),
        };
        for record in std::iter::once("::0").chain(table::PREFIXES.split(' ')) {
            let mut parts = record.split(':');
            let mut next = || parts.next().expect("prefix records have three fields");
            let (symbols, long, power) = (next(), next(), next());
            // A power of two by the number module's power, of ten as the
            // table's decimals read: no code of its own for either.
            let scale = match power.strip_prefix('b') {
                Some(bits) => Factor {
                    ratio: unmetered::power(&BigRational::from_integer(2.into()), int(bits) as u32),
                    pi: 0,
                },
                None => {
                    let mut one = String::from("1e");
                    one.push_str(power);
                    number_of(&one).expect("prefix powers are integers")
                }
            };
            parsed.prefixes.push(Prefix {
                symbols,
                long,
                power,
                scale,
            });
        }
        for (entry, text) in table::UNITS.lines().enumerate() {
            let mut fields = text.split('|');
            let mut next = || fields.next().expect("table lines have five fields");
            let (symbols, long, definition) = (next(), next(), next());
            let (dimension, prefixes) = (next(), next());
            for (field, kind) in [(symbols, 0), (long, LONG)] {
                for name in field.split(' ').filter(|n| !n.is_empty()) {
                    // Inserted in place, not sorted after: a few hundred
                    // names, and no sort routine in the binary.
                    let at = parsed
                        .names
                        .partition_point(|(n, _)| caseless(n, name).is_le());
                    parsed.names.insert(at, (name, entry as u16 | kind));
                }
            }
            parsed.lines.push(Line {
                symbols,
                long,
                definition,
                prefixes,
                dimension: Dimension::parse(dimension),
                factor: None,
            });
        }
        // Each definition reads the factors of the lines before it.
        for entry in 0..parsed.lines.len() {
            parsed.lines[entry].factor = define(&parsed, parsed.lines[entry].definition);
        }
        parsed
    })
}

impl Line {
    /// Its first symbol, or its first long name if it has no symbol.
    fn first_name(&self) -> &'static str {
        let first = |names: &'static str| names.split(' ').find(|n| !n.is_empty());
        first(self.symbols)
            .or_else(|| first(self.long))
            .unwrap_or("")
    }
}

fn line(entry: u16) -> &'static Line {
    &parsed().lines[entry as usize]
}

/// The index's order: bytes with ASCII letter case ignored, so every
/// spelling of a name in other case sits beside it.
fn caseless(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        let order = a[i].to_ascii_lowercase().cmp(&b[i].to_ascii_lowercase());
        if order.is_ne() {
            return order;
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

/// Adds the lines with a symbol (when `symbols`) or long name (when
/// `longs`) `name`, in any ASCII letter case when `fold`, to `into`, which
/// stays in table order, each line once, with whether a symbol is so named.
fn lines_named(
    names: &[(&str, u16)],
    name: &str,
    fold: bool,
    [symbols, longs]: [bool; 2],
    into: &mut Vec<(u16, bool)>,
) {
    let start = names.partition_point(|(n, _)| caseless(n, name).is_lt());
    for (n, key) in &names[start..] {
        if !caseless(n, name).is_eq() {
            break;
        }
        let (entry, long) = (key & !LONG, key & LONG != 0);
        if !(fold || *n == name) || !(if long { longs } else { symbols }) {
            continue;
        }
        match into.binary_search_by_key(&entry, |(e, _)| *e) {
            Ok(at) => into[at].1 |= !long,
            Err(at) => into.insert(at, (entry, !long)),
        }
    }
}

/// An integer of the table (one parser for all of them keeps the binary small).
fn int(text: &str) -> i32 {
    text.parse().expect("the table's integers are well formed")
}

/// A decimal as written in the table: `1.5e-3`; `None` if it is not one.
fn decimal(text: &str) -> Option<BigRational> {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = String::from(whole);
    digits.push_str(fraction);
    let digits: BigInt = digits.parse().ok()?;
    let scale = exponent.parse::<i32>().ok()? - fraction.len() as i32;
    let power = number::power_of_ten(scale.unsigned_abs() as usize);
    Some(if scale >= 0 {
        BigRational::from_integer(digits * power)
    } else {
        unmetered::in_lowest_terms(digits, power)
    })
}

/// A number of a definition: `1852`, `1/2`, `1/180p1` (times π).
fn number_of(text: &str) -> Option<Factor> {
    let (ratio, pi) = text.split_once('p').unwrap_or((text, "0"));
    let ratio = match ratio.split_once('/') {
        Some((n, d)) => unmetered::quotient(&decimal(n)?, &decimal(d)?),
        None => decimal(ratio)?,
    };
    Some(Factor {
        ratio,
        pi: pi.parse().ok()?,
    })
}

/// A unit's definition (`5280 ft`, `nmi/h`, `1/2 pt`) as an exact factor,
/// from the factors of the lines before it; `None` if a name is not an
/// earlier unit. (That the units have the line's dimension is checked by a
/// unit test, not in the binary.)
// Run once per table line, at first use: not worth inlining.
#[inline(never)]
fn define(parsed: &Parsed, definition: &str) -> Option<Factor> {
    let definition = definition.split_once('@').map_or(definition, |(d, _)| d);
    let mut factor = Factor::one();
    for token in definition.split(' ') {
        if token.starts_with(|c: char| c.is_ascii_digit()) {
            factor = factor.times(&number_of(token)?, 1);
            continue;
        }
        for (index, part) in token.split('/').enumerate() {
            let (name, power) = part.split_once('^').unwrap_or((part, "1"));
            let power = power.parse::<i32>().ok()? * if index == 0 { 1 } else { -1 };
            let (unit, _) = exact_name(parsed, name)?;
            let base = parsed.lines[unit.entry as usize].factor.as_ref()?;
            factor = factor.times(&prefixed(parsed, base, unit.prefix), power);
        }
    }
    Some(factor)
}

/// A unit's factor without prefix: a lookup reads it, never the text.
fn defined(entry: u16) -> Option<&'static Factor> {
    line(entry).factor.as_ref()
}

/// A factor with a prefix's power of ten (or of two) applied.
fn prefixed(parsed: &Parsed, base: &Factor, prefix: u8) -> Factor {
    match prefix {
        0 => base.clone(),
        _ => base.times(&parsed.prefixes[prefix as usize].scale, 1),
    }
}

impl UnitRef {
    /// Its factor to SI base units, prefix included. `resolve` hands out
    /// only units whose definition resolved (a unit test checks all do).
    pub fn factor(self) -> Factor {
        defined(self.entry).map_or_else(Factor::one, |base| prefixed(parsed(), base, self.prefix))
    }

    pub fn dimension(self) -> Dimension {
        line(self.entry).dimension
    }

    /// Its prefix's symbol and its own: `km`, `µs`, `KiB`.
    fn write_symbol(self, out: &mut String) {
        if self.prefix != 0 {
            let symbols = parsed().prefixes[self.prefix as usize].symbols;
            out.push_str(symbols.split(',').next().unwrap_or(""));
        }
        // A unit without a symbol shows its long name: `molal`.
        out.push_str(line(self.entry).first_name());
    }

    /// A temperature scale's offset from zero kelvin, in its own degrees.
    /// Only the kelvin takes prefixes, and its zero is every prefix's zero:
    /// `1000 mK` is 1 K on the same scale.
    pub fn temperature_offset(self) -> Option<BigRational> {
        line(self.entry)
            .definition
            .split_once('@')
            .and_then(|(_, offset)| decimal(offset))
    }
}

/// What the prefixes column allows for a prefix's power.
fn allows(prefixes: &str, power: &str) -> bool {
    let binary = power.starts_with('b');
    let large = binary || int(power) >= 3;
    match prefixes {
        "p" => !binary,
        "l" => large && !binary,
        "d" => large,
        _ => false,
    }
}

/// The unit a name stands for, and whether it names it by a long name:
/// as written; else a plural (`henries`, `hrs`, `kms`); else in other
/// letter case where only one unit reads so (`KM`, `mEtRes`, not `Nm`);
/// else with an upper-case K for kilo (`Kg`, `KW`).
pub fn resolve(name: &str) -> Option<(UnitRef, bool)> {
    exact_name(parsed(), name)
        .or_else(|| plural(name))
        .or_else(|| match folded(name, true).as_slice() {
            [one] => Some((*one, false)),
            _ => None,
        })
        .or_else(|| upper_kilo(name))
        .filter(|(unit, _)| defined(unit.entry).is_some())
}

/// `Kg` is kg and `KW` kW: K is no SI prefix, and the kelvin written
/// against another symbol is no product, so K there can only be kilo. Not
/// for data (`KB` may be kB or KiB), nor where `k` and the rest name a unit
/// of their own (`Kt`: kt is the knot).
fn upper_kilo(name: &str) -> Option<(UnitRef, bool)> {
    let mut kilo = String::from("k");
    kilo.push_str(name.strip_prefix('K')?);
    let (unit, false) = exact_name(parsed(), &kilo).or_else(|| plural(&kilo))? else {
        return None;
    };
    let prefix = &parsed().prefixes[unit.prefix as usize];
    (prefix.symbols == "k" && line(unit.entry).prefixes != "d").then_some((unit, false))
}

/// `henries` is henry; `hrs`, `kms`, `kgs` are plurals of symbols, only of
/// those that are no SI unit's own (`Pas` is Pa·s, `kWs` kW·s), and of m and g.
fn plural(name: &str) -> Option<(UnitRef, bool)> {
    if let Some(stem) = name.strip_suffix("ies")
        && let Some((unit, true)) = exact_name(parsed(), &(stem.to_string() + "y"))
    {
        return Some((unit, true));
    }
    let stem = name.strip_suffix('s')?;
    let (unit, false) = exact_name(parsed(), stem)? else {
        return None;
    };
    let symbol = line(unit.entry).symbols.split(' ').next().unwrap_or("");
    let plain = !matches!(line(unit.entry).prefixes, "p" | "c");
    let counts = if unit.prefix == 0 {
        let letters = stem.chars().count();
        letters >= 2 && (plain || letters >= 3)
    } else {
        plain || matches!(symbol, "m" | "g")
    };
    counts.then_some((unit, false))
}

/// Every unit that `name` names in some other letter case. A name that is
/// two symbols as written (`Nm`, N·m) has no other reading when `strict`.
fn folded(name: &str, strict: bool) -> Vec<UnitRef> {
    let mut found = Vec::new();
    let two_symbols = strict
        && split_in_two(
            name,
            &|reading| matches!(reading, Some((u, false)) if line(u.entry).prefixes != "c"),
        )
        .is_some();
    if name.chars().count() >= 2 && !two_symbols {
        lookup(parsed(), name, true, &mut |unit, _| {
            if !found.contains(&unit) {
                found.push(unit);
            }
            false
        });
    }
    found
}

/// Where `name` splits into two names as written that `reads` both accept.
fn split_in_two(name: &str, reads: &dyn Fn(Option<(UnitRef, bool)>) -> bool) -> Option<usize> {
    (1..name.len()).find(|&i| {
        name.is_char_boundary(i)
            && reads(exact_name(parsed(), &name[..i]))
            && reads(exact_name(parsed(), &name[i..]))
    })
}

/// The unit a name stands for exactly as written.
// Not inlined into its callers, which now include `define`: a smaller binary.
#[inline(never)]
fn exact_name(parsed: &Parsed, name: &str) -> Option<(UnitRef, bool)> {
    let mut first = None;
    lookup(parsed, name, false, &mut |unit, long| {
        first = Some((unit, long));
        true
    });
    first
}

/// Calls `found` with each unit `name` reads as (and whether by a long
/// name), unprefixed first, until it returns true; `fold` ignores ASCII
/// letter case (no Unicode case tables in the binary). The names are found
/// in the index, once for each prefix the name starts with.
fn lookup(parsed: &Parsed, name: &str, fold: bool, found: &mut dyn FnMut(UnitRef, bool) -> bool) {
    let same = |a: &str, b: &str| {
        if fold {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    for (index, prefix) in parsed.prefixes.iter().enumerate() {
        // Unprefixed, a name may be a symbol or a long name.
        let spellings = prefix
            .symbols
            .split(',')
            .map(|s| (s, false))
            .chain((index != 0).then_some((prefix.long, true)));
        for (spelling, by_long) in spellings {
            let rest = name
                .get(..spelling.len())
                .filter(|head| same(head, spelling))
                .map(|_| &name[spelling.len()..]);
            let Some(rest) = rest.filter(|r| !r.is_empty()) else {
                continue;
            };
            // A prefix's long name takes long names, a symbol symbols;
            // without a prefix a name may be either. Only a long name takes
            // an `s` for the plural.
            let longs = by_long || index == 0;
            let mut entries = Vec::new();
            lines_named(&parsed.names, rest, fold, [!by_long, longs], &mut entries);
            if let Some(singular) = rest.strip_suffix('s').or(rest.strip_suffix('S')) {
                lines_named(&parsed.names, singular, fold, [false, longs], &mut entries);
            }
            // In table order, each line once, as a scan of the table would.
            for (entry, symbol) in entries {
                let line = &parsed.lines[entry as usize];
                let unit = UnitRef {
                    entry,
                    prefix: index as u8,
                };
                if (index == 0 || allows(line.prefixes, prefix.power)) && found(unit, !symbol) {
                    return;
                }
            }
        }
    }
}

/// Whether `name` is a unit: what the parser asks.
pub fn is_unit(name: &str) -> bool {
    resolve(name).is_some()
}

/// A unit to a power: `km²`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitTerm {
    pub unit: UnitRef,
    pub power: i32,
}

/// A product of units to integer powers, in the order first written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compound {
    pub terms: Vec<UnitTerm>,
}

impl Compound {
    pub fn single(unit: UnitRef) -> Compound {
        Compound {
            terms: vec![UnitTerm { unit, power: 1 }],
        }
    }

    pub fn is_none(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn dimension(&self) -> Dimension {
        let mut dimension = Dimension::default();
        for t in &self.terms {
            dimension = dimension.plus(t.unit.dimension().scaled(t.power));
        }
        dimension
    }

    pub fn factor(&self) -> Factor {
        let mut factor = Factor::one();
        for t in &self.terms {
            factor = factor.times(&t.unit.factor(), t.power);
        }
        factor
    }

    /// `self × other^sign`, powers of the same unit merged.
    pub fn times(&self, other: &Compound, sign: i32) -> Compound {
        let mut terms = self.terms.clone();
        for term in &other.terms {
            match terms.iter_mut().find(|t| t.unit == term.unit) {
                Some(t) => t.power += term.power * sign,
                None => terms.push(UnitTerm {
                    power: term.power * sign,
                    ..*term
                }),
            }
        }
        terms.retain(|t| t.power != 0);
        Compound { terms }
    }

    pub fn powered(&self, power: i32) -> Compound {
        self.repowered(power, 1)
    }

    /// The `n`th root, when every power divides by `n`.
    pub fn root(&self, n: i32) -> Option<Compound> {
        self.terms
            .iter()
            .all(|t| t.power % n == 0)
            .then(|| self.repowered(1, n))
    }

    /// Every power times `by` over `over` (which divides it), and the
    /// terms whose power is then 0 left out: one routine for both.
    fn repowered(&self, by: i32, over: i32) -> Compound {
        let mut terms = Vec::new();
        for t in &self.terms {
            let power = t.power * by / over;
            if power != 0 {
                terms.push(UnitTerm { power, ..*t });
            }
        }
        Compound { terms }
    }

    /// Cancels what a product or quotient lets cancel, and gives the factor
    /// the number takes: units of one dimension with opposite powers fold
    /// into the first (`km/m` is 1000, `m²/ft` is m), and a product left with
    /// no dimension becomes a plain number (`h/min` is 60). Angles have a
    /// dimension, so they stay (`30 deg * 2`).
    #[inline(never)]
    pub fn cancel(&mut self) -> Factor {
        let mut factor = Factor::one();
        loop {
            let terms = &self.terms;
            let pair = (0..terms.len()).find_map(|i| {
                (i + 1..terms.len()).find_map(|j| {
                    let opposite = (terms[i].power > 0) != (terms[j].power > 0);
                    (opposite && terms[i].unit.dimension() == terms[j].unit.dimension())
                        .then_some((i, j))
                })
            });
            let Some((i, j)) = pair else { break };
            let folded = self.terms.remove(j);
            factor = factor
                .times(&folded.unit.factor(), folded.power)
                .times(&self.terms[i].unit.factor(), -folded.power);
            self.terms[i].power += folded.power;
            self.terms.retain(|t| t.power != 0);
        }
        if !self.is_none() && self.dimension().is_none() {
            factor = factor.times(&self.factor(), 1);
            self.terms.clear();
        }
        factor
    }

    /// The symbols field of the table line of the one unit this is, at any
    /// power, if it is one unit without a prefix.
    pub(in crate::eval) fn bare_symbols(&self) -> Option<&'static str> {
        match self.terms.as_slice() {
            [t] if t.unit.prefix == 0 => Some(line(t.unit.entry).symbols),
            _ => None,
        }
    }

    /// The one temperature scale this is, if it is one to the first power.
    pub fn temperature_scale(&self) -> Option<(UnitRef, BigRational)> {
        match self.terms.as_slice() {
            [t] if t.power == 1 => t.unit.temperature_offset().map(|offset| (t.unit, offset)),
            _ => None,
        }
    }

    /// `m·kg/s²`: each unit's symbol, powers as superscripts (a `to`
    /// shows its unit as the user wrote it instead).
    pub fn render(&self) -> String {
        let mut out = String::new();
        let up = self.terms.iter().any(|t| t.power > 0);
        if !up {
            self.write_side(&mut out, false, 1);
            return out;
        }
        self.write_side(&mut out, true, 1);
        if self.terms.iter().any(|t| t.power < 0) {
            out.push('/');
            self.write_side(&mut out, false, -1);
        }
        out
    }

    /// The terms above the line (`up`) or below it, their powers times `sign`.
    fn write_side(&self, out: &mut String, up: bool, sign: i32) {
        let side = self.terms.iter().filter(|t| (t.power > 0) == up);
        for (i, t) in side.enumerate() {
            if i > 0 {
                // `J/K/mol`: what a `to` reads back.
                out.push(if sign < 0 { '/' } else { '·' });
            }
            t.unit.write_symbol(out);
            let power = t.power * sign;
            if power != 1 {
                write_superscript(out, power);
            }
        }
    }
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn write_superscript(out: &mut String, n: i32) {
    if n < 0 {
        out.push('⁻');
    }
    // Digits from the highest (in u64, so no place overflows).
    let n = u64::from(n.unsigned_abs());
    let mut place = 1;
    while place * 10 <= n {
        place *= 10;
    }
    while place > 0 {
        out.push(SUPERSCRIPT_DIGITS[(n / place % 10) as usize]);
        place /= 10;
    }
}

/// The value of a superscript digit, or -1 for the superscript minus.
pub fn superscript_value(c: char) -> Option<i32> {
    if c == '⁻' {
        return Some(-1);
    }
    SUPERSCRIPT_DIGITS
        .iter()
        .position(|d| *d == c)
        .map(|i| i as i32)
}

/// Names people write for a unit the table spells otherwise, or that
/// could mean more than one (a suggestion of two reads "'kB' or 'KiB'").
const NEAR_MISSES: [(&str, &str); 6] = [
    ("mps", "m/s"),
    ("fps", "ft/s"),
    ("KB", "kB' or 'KiB"),
    ("LB", "lb"),
    ("sqft", "ft^2"),
    ("per", "/"),
];

/// A suggestion for an unknown name that looks like a unit: a near miss,
/// or the units it names in other letter case (`'nm' or 'N m'` for `Nm`).
pub fn suggestion(name: &str) -> Option<String> {
    if let Some((_, unit)) = NEAR_MISSES.iter().find(|(miss, _)| *miss == name) {
        return Some(unit.to_string());
    }
    let mut readings = String::new();
    for unit in folded(name, false) {
        if !readings.is_empty() {
            readings.push_str("' or '");
        }
        unit.write_symbol(&mut readings);
    }
    let split = split_in_two(name, &|reading| reading.is_some());
    // Two symbols as written, where the name reads as a unit otherwise or
    // as a plural (`Nm`, `kWs`): `Sin` is no S·in.
    if let Some(i) = split.filter(|_| !readings.is_empty() || name.ends_with('s')) {
        if !readings.is_empty() {
            readings.push_str("' or '");
        }
        readings.push_str(&name[..i]);
        readings.push(' ');
        readings.push_str(&name[i..]);
    }
    (!readings.is_empty()).then_some(readings)
}

/// Offers every unit's names without prefixes, for "did you mean"; short
/// symbols are left out, as nearly every short name is near one of them.
pub fn offer_names(nearest: &mut Nearest) {
    // From the index, which holds every name (the order is no matter).
    for (name, _) in &parsed().names {
        if name.chars().count() >= 3 {
            nearest.offer(name);
        }
    }
}

/// The table for the help, by dimension: each unit's first name, with `*`
/// when it takes prefixes.
pub fn help_table() -> Vec<(&'static str, String)> {
    let mut groups: Vec<(&'static str, String)> = Vec::new();
    for line in &parsed().lines {
        let dimension = line.dimension;
        let prefixes = line.prefixes;
        let group = if prefixes == "c" {
            "constants"
        } else {
            dimension.name().unwrap_or("other")
        };
        let mut entry = line.first_name().to_string();
        if !matches!(prefixes, "" | "c") {
            entry.push('*');
        }
        // Its definition, no-break spaces keeping it on one line:
        // `mi=5280 ft`, `au=149597870700 m` (a number alone is in SI units).
        // The constants' long values are in docs/units.md; `to` shows them.
        let definition = line.definition;
        if !matches!(definition, "1" | "1@0") && prefixes != "c" && !definition.contains('@') {
            entry.push('=');
            for c in definition.chars() {
                entry.push(if c == ' ' { '\u{a0}' } else { c });
            }
            if definition
                .split(' ')
                .all(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            {
                entry.push('\u{a0}');
                entry.push_str(&dimension.base_units().render());
            }
        }
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, names)) => {
                names.push(' ');
                names.push_str(&entry);
            }
            None => groups.push((group, entry)),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix_count() -> u8 {
        table::PREFIXES.split(' ').count() as u8
    }

    fn factor(name: &str) -> Factor {
        resolve(name).expect(name).0.factor()
    }

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn every_definition_resolves() {
        for (entry, line) in table::UNITS.lines().enumerate() {
            assert!(defined(entry as u16).is_some(), "{line}");
        }
    }

    /// The exact units against their NIST (SP 811, Handbook 44) and BIPM
    /// values in SI base units, written out, not derived from the table.
    #[test]
    fn exact_definitions_match_nist_and_bipm() {
        const VALUES: &[(&str, &str)] = &[
            ("in", "0.0254"),
            ("ft", "0.3048"),
            ("yd", "0.9144"),
            ("mi", "1609.344"),
            ("nmi", "1852"),
            ("furlong", "201.168"),
            ("fathom", "1.8288"),
            ("rod", "5.0292"),
            ("mil", "0.0000254"),
            ("au", "149597870700"),
            ("ly", "9460730472580800"),
            ("Å", "1e-10"),
            ("acre", "4046.8564224"),
            ("ha", "10000"),
            ("barn", "1e-28"),
            ("L", "0.001"),
            ("gal", "0.003785411784"),
            ("qt", "0.000946352946"),
            ("pt", "0.000473176473"),
            ("cup", "0.0002365882365"),
            ("floz", "0.0000295735295625"),
            ("tbsp", "0.00001478676478125"),
            ("tsp", "0.00000492892159375"),
            ("bbl", "0.158987294928"),
            ("hogshead", "0.238480942392"),
            ("gal_imp", "0.00454609"),
            ("qt_imp", "0.0011365225"),
            ("pt_imp", "0.00056826125"),
            ("floz_imp", "0.0000284130625"),
            ("g", "0.001"),
            ("t", "1000"),
            ("lb", "0.45359237"),
            ("oz", "0.028349523125"),
            ("ozt", "0.0311034768"),
            ("gr", "0.00006479891"),
            ("ct", "0.0002"),
            ("st", "6.35029318"),
            ("ton", "907.18474"),
            ("long_ton", "1016.0469088"),
            ("min", "60"),
            ("h", "3600"),
            ("day", "86400"),
            ("week", "604800"),
            ("fortnight", "1209600"),
            ("yr", "31557600"),
            ("month", "2629800"),
            ("decade", "315576000"),
            ("century", "3155760000"),
            ("mph", "0.44704"),
            ("kph", "5/18"),
            ("kn", "1852/3600"),
            ("mpg", "1609.344/0.003785411784"),
            ("c", "299792458"),
            ("g0", "9.80665"),
            ("dyn", "0.00001"),
            ("kgf", "9.80665"),
            ("lbf", "4.4482216152605"),
            ("bar", "100000"),
            ("mb", "100"),
            ("atm", "101325"),
            ("Torr", "101325/760"),
            ("mmHg", "133.322387415"),
            ("inHg", "3386.388640341"),
            // 6894.757293168361336722645… repeats: the exact ratio.
            ("psi", "8896443230521/1290320000"),
            ("erg", "1e-7"),
            ("eV", "1.602176634e-19"),
            ("Wh", "3600"),
            ("cal", "4.184"),
            ("cal_IT", "4.1868"),
            ("Cal", "4184"),
            ("BTU", "1055.05585262"),
            ("therm", "105505585.262"),
            ("hp", "745.69987158227022"),
            ("PS", "735.49875"),
            ("Ah", "3600"),
            ("B", "8"),
            ("Mx", "1e-8"),
        ];
        for (name, value) in VALUES {
            assert_eq!(factor(name), number_of(value).unwrap(), "{name}");
        }
        let pi = |ratio: BigRational, pi: i32| Factor { ratio, pi };
        assert_eq!(factor("deg"), pi(q(1, 180), 1));
        assert_eq!(factor("arcsec"), pi(q(1, 648000), 1));
        assert_eq!(factor("rpm"), pi(q(1, 30), 1));
        let parsec = number_of("96939420213600000").unwrap().ratio;
        assert_eq!(factor("pc"), pi(parsec, -1));
    }

    #[test]
    fn the_help_lists_every_unit_with_its_definition() {
        let help: Vec<String> = help_table().into_iter().map(|(_, names)| names).collect();
        let help = help.join(" ");
        for line in table::UNITS.lines() {
            let name = line.split(['|', ' ']).find(|n| !n.is_empty()).unwrap();
            let definition = line.split('|').nth(2).unwrap().replace(' ', "\u{a0}");
            let listed = help.split(' ').any(|entry| {
                entry.trim_end_matches('*') == name
                    || entry.starts_with(name) && entry.contains(&format!("={definition}"))
            });
            assert!(listed, "{line}");
        }
    }

    /// docs/units.md lists every line of the table, as generated here.
    #[test]
    fn the_docs_list_every_unit_with_its_definition() {
        let mut list =
            String::from("| names | definition | dimension | prefixes |\n|---|---|---|---|\n");
        for line in table::UNITS.lines() {
            let fields: Vec<&str> = line.split('|').collect();
            let names: Vec<String> = fields[0]
                .split(' ')
                .chain(fields[1].split(' '))
                .filter(|n| !n.is_empty())
                .map(|n| format!("`{n}`"))
                .collect();
            let prefixes = match fields[4] {
                "p" => "SI",
                "l" => "kilo and up",
                "d" => "kilo and up, binary",
                "c" => "constant",
                _ => "",
            };
            let dimension = Dimension::parse(fields[3]).base_units().render();
            list += &format!(
                "| {} | `{}` | {dimension} | {prefixes} |\n",
                names.join(" "),
                fields[2]
            );
        }
        let docs = include_str!("../../../docs/units.md");
        assert!(docs.contains(&list), "docs/units.md should list:\n{list}");
    }

    /// The units of each definition multiply to the line's dimension.
    #[test]
    fn definitions_have_the_dimension_of_their_line() {
        for line in table::UNITS.lines() {
            let fields: Vec<&str> = line.split('|').collect();
            let mut dimension = Dimension::default();
            let mut named = false;
            for token in fields[2].split(' ') {
                if token.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                named = true;
                for (index, part) in token.split('/').enumerate() {
                    let (name, power) = part.split_once('^').unwrap_or((part, "1"));
                    let power = int(power) * if index == 0 { 1 } else { -1 };
                    let unit = exact_name(parsed(), name).expect(line).0;
                    dimension = dimension.plus(unit.dimension().scaled(power));
                }
            }
            assert!(!named || dimension == Dimension::parse(fields[3]), "{line}");
        }
    }

    #[test]
    fn a_bad_definition_is_refused() {
        // A table of `m`, defined, and `ft`, not yet: as when `define`
        // reads a line that names a unit of a later line.
        let unit = |symbols, factor| Line {
            symbols,
            long: "",
            definition: "1",
            prefixes: "",
            dimension: Dimension::parse("m"),
            factor,
        };
        let table = Parsed {
            lines: vec![unit("m", Some(Factor::one())), unit("ft", None)],
            prefixes: vec![Prefix {
                symbols: "",
                long: "",
                power: "0",
                scale: Factor::one(),
            }],
            names: vec![("ft", 1), ("m", 0)],
        };
        assert_eq!(define(&table, "2 m").map(|f| f.ratio), Some(q(2, 1)));
        for definition in ["2 ft", "2 nope", "1.2.3", "2 m^x"] {
            assert!(define(&table, definition).is_none(), "{definition}");
        }
    }

    #[test]
    fn every_line_of_the_table_reads() {
        for entry in 0..table::UNITS.lines().count() as u16 {
            let unit = UnitRef { entry, prefix: 0 };
            let _ = (unit.factor(), unit.dimension(), unit.temperature_offset());
            assert_eq!(
                table::UNITS
                    .lines()
                    .nth(entry.into())
                    .unwrap()
                    .split('|')
                    .count(),
                5
            );
        }
        for prefix in 1..=prefix_count() {
            let _ = UnitRef { entry: 0, prefix }.factor();
        }
        for line in table::DIMENSIONS.lines() {
            let (_, d) = line.split_once('|').unwrap();
            let _ = Dimension::parse(d);
        }
    }

    /// The table scan the index replaced: every unit `name` reads as, in
    /// the order `lookup` gives them.
    fn scan(name: &str, fold: bool) -> Vec<(UnitRef, bool)> {
        let same = |a: &str, b: &str| {
            if fold {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        let mut all = Vec::new();
        let records = std::iter::once("::0").chain(table::PREFIXES.split(' '));
        for (index, record) in records.enumerate() {
            let parts: Vec<&str> = record.split(':').collect();
            let spellings = parts[0]
                .split(',')
                .map(|s| (s, false))
                .chain((index != 0).then_some((parts[1], true)));
            for (spelling, by_long) in spellings {
                let Some(rest) = name
                    .get(..spelling.len())
                    .filter(|head| same(head, spelling))
                    .map(|_| &name[spelling.len()..])
                    .filter(|r| !r.is_empty())
                else {
                    continue;
                };
                let singular = rest.strip_suffix('s').or(rest.strip_suffix('S'));
                for (entry, text) in table::UNITS.lines().enumerate() {
                    let fields: Vec<&str> = text.split('|').collect();
                    let symbol = !by_long && fields[0].split(' ').any(|s| same(s, rest));
                    let long = (by_long || index == 0)
                        && fields[1].split(' ').any(|l| {
                            !l.is_empty() && (same(l, rest) || singular.is_some_and(|r| same(l, r)))
                        });
                    let unit = UnitRef {
                        entry: entry as u16,
                        prefix: index as u8,
                    };
                    if (symbol || long) && (index == 0 || allows(fields[4], parts[2])) {
                        all.push((unit, !symbol));
                    }
                }
            }
        }
        all
    }

    /// The index finds what a scan of the table finds, in the same order:
    /// every name, with every prefix, as a plural and in other letter case.
    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let mut names: Vec<String> = Vec::new();
        for text in table::UNITS.lines() {
            let fields: Vec<&str> = text.split('|').collect();
            for name in fields[0].split(' ').chain(fields[1].split(' ')) {
                // Short and long, decimal and binary prefixes (all of them
                // would make a slow test).
                for prefix in ["", "k", "kilo", "µ", "da", "Ki", "kibi"] {
                    names.push(format!("{prefix}{name}"));
                    names.push(format!("{prefix}{name}s"));
                    names.push(format!("{prefix}{name}").to_uppercase());
                }
            }
        }
        names.extend(["Nm", "KB", "Kg", "hrs", "henries", "x", "nope"].map(String::from));
        for name in &names {
            for fold in [false, true] {
                let mut found = Vec::new();
                lookup(parsed(), name, fold, &mut |unit, long| {
                    found.push((unit, long));
                    false
                });
                assert_eq!(found, scan(name, fold), "{name} {fold}");
            }
        }
    }

    #[test]
    fn names_resolve_with_prefixes() {
        assert_eq!(factor("km").ratio, q(1000, 1));
        assert_eq!(factor("kilometre").ratio, q(1000, 1));
        assert_eq!(factor("kilometers").ratio, q(1000, 1));
        assert_eq!(factor("µm").ratio, q(1, 1_000_000));
        assert_eq!(factor("μm").ratio, q(1, 1_000_000));
        assert_eq!(factor("um").ratio, q(1, 1_000_000));
        assert_eq!(factor("kg").ratio, q(1, 1));
        assert_eq!(factor("mg").ratio, q(1, 1_000_000));
        assert_eq!(factor("KiB").ratio, q(8 * 1024, 1));
        assert_eq!(factor("kibibyte").ratio, q(8 * 1024, 1));
        assert_eq!(factor("MB").ratio, q(8_000_000, 1));
        assert_eq!(factor("in").ratio, q(254, 10000));
        assert_eq!(factor("feet").ratio, q(3048, 10000));
        assert_eq!(
            factor("deg"),
            Factor {
                ratio: q(1, 180),
                pi: 1
            }
        );
        assert_eq!(factor("mAh").ratio, q(36, 10));
        assert_eq!(factor("hPa").ratio, q(100, 1));
        // Exact names win over prefix readings.
        assert_eq!(factor("ft").ratio, q(3048, 10000));
        assert_eq!(factor("min").ratio, q(60, 1));
        assert_eq!(factor("Pa").ratio, q(1, 1));
        assert_eq!(factor("nmi").ratio, q(1852, 1));
        // Prefixes only where the table allows them.
        assert!(resolve("kmi").is_none());
        assert!(resolve("mB").is_none());
        assert!(resolve("Kim").is_none());
        assert!(resolve("kmetre").is_none());
        assert!(resolve("Nm").is_none());
        assert_eq!(factor("kpa").ratio, q(1000, 1));
    }

    #[test]
    fn dimensions_have_names() {
        let speed = resolve("mph").unwrap().0.dimension();
        assert_eq!(speed.name(), Some("speed"));
        let describe = |d: Dimension| Measure::from(d).to_string();
        assert_eq!(describe(speed), "a speed");
        assert_eq!(describe(resolve("J").unwrap().0.dimension()), "an energy");
        assert_eq!(describe(Dimension::default()), "a plain number");
        assert_eq!(
            describe(resolve("G").unwrap().0.dimension()),
            "a quantity in m³/kg/s²"
        );
        let table = help_table();
        assert_eq!(
            table[0],
            (
                "length",
                "m* au=149597870700\u{a0}m ly=9460730472580800\u{a0}m \
                 pc*=648000p-1\u{a0}au Å=1e-10\u{a0}m in=2.54\u{a0}cm ft=12\u{a0}in \
                 yd=3\u{a0}ft mi=5280\u{a0}ft nmi=1852\u{a0}m furlong=220\u{a0}yd \
                 fathom=2\u{a0}yd rod=16.5\u{a0}ft mil=1/1000\u{a0}in"
                    .into()
            )
        );
        let deg = Compound::single(resolve("deg").unwrap().0);
        assert_eq!(Measure::of(&deg).to_string(), "an angle");
    }

    #[test]
    fn compounds_merge_and_render() {
        let m = Compound::single(resolve("m").unwrap().0);
        let s = Compound::single(resolve("s").unwrap().0);
        let micro = Compound::single(resolve("microseconds").unwrap().0);
        assert_eq!(
            micro
                .times(&Compound::single(resolve("KiB").unwrap().0), -1)
                .render(),
            "µs/KiB"
        );
        let per_s2 = m.times(&s, -1).times(&s, -1);
        assert_eq!(per_s2.render(), "m/s²");
        assert_eq!(m.times(&m, -1).render(), "");
        assert_eq!(s.powered(-1).render(), "s⁻¹");
    }
}
