//! Functions the user defines (`f(x) = x^2 + 1`): kept as parsed bodies,
//! and called by expansion. Before a line is evaluated each call is
//! replaced by its function's body with the arguments in place of the
//! parameters, so a call computes exactly what the written-out expression
//! would: exact where that is exact, proven digits where not, units
//! carried through.

use super::ast::{Expr, ExprKind};
use super::error::{Error, ErrorKind, Span};
use super::limits::Limits;
use std::collections::BTreeMap;

/// One defined function.
#[derive(Debug, Clone, PartialEq)]
pub struct UserFunction {
    pub params: Vec<String>,
    pub body: Expr,
    /// The body as written, blanks between words made single: for lists.
    pub text: String,
}

pub type Functions = BTreeMap<String, UserFunction>;

/// Most nodes an expansion may make: nested calls multiply sizes
/// (`f2(x) = f1(f1(x))`), so a few lines could ask for a huge tree.
const MAX_EXPANDED_NODES: usize = 20_000;

/// How `name` was defined, as a call is written: `f(x, y)`.
pub fn signature(name: &str, function: &UserFunction) -> String {
    format!("{name}({})", function.params.join(", "))
}

/// The expressions directly inside `expr`.
fn children(expr: &Expr) -> Vec<&Expr> {
    match &expr.kind {
        ExprKind::Number(_) | ExprKind::Name(_) | ExprKind::Unit(_) => Vec::new(),
        ExprKind::Negate(e)
        | ExprKind::BitNot(e)
        | ExprKind::Factorial(e)
        | ExprKind::Percent(e)
        | ExprKind::Degrees(e)
        | ExprKind::Convert { expr: e, .. } => vec![e],
        ExprKind::Sum { first, rest } => std::iter::once(&**first)
            .chain(rest.iter().map(|(_, e)| e))
            .collect(),
        ExprKind::Product { first, rest } => std::iter::once(&**first)
            .chain(rest.iter().map(|(_, e)| e))
            .collect(),
        ExprKind::Bitwise { first, rest } => std::iter::once(&**first)
            .chain(rest.iter().map(|(_, e)| e))
            .collect(),
        ExprKind::Power { base, exponent } => vec![base, exponent],
        ExprKind::Call { args, .. } | ExprKind::UserCall { args, .. } => args.iter().collect(),
    }
}

fn children_mut(expr: &mut Expr) -> Vec<&mut Expr> {
    match &mut expr.kind {
        ExprKind::Number(_) | ExprKind::Name(_) | ExprKind::Unit(_) => Vec::new(),
        ExprKind::Negate(e)
        | ExprKind::BitNot(e)
        | ExprKind::Factorial(e)
        | ExprKind::Percent(e)
        | ExprKind::Degrees(e)
        | ExprKind::Convert { expr: e, .. } => vec![e],
        ExprKind::Sum { first, rest } => std::iter::once(&mut **first)
            .chain(rest.iter_mut().map(|(_, e)| e))
            .collect(),
        ExprKind::Product { first, rest } => std::iter::once(&mut **first)
            .chain(rest.iter_mut().map(|(_, e)| e))
            .collect(),
        ExprKind::Bitwise { first, rest } => std::iter::once(&mut **first)
            .chain(rest.iter_mut().map(|(_, e)| e))
            .collect(),
        ExprKind::Power { base, exponent } => vec![base, exponent],
        ExprKind::Call { args, .. } | ExprKind::UserCall { args, .. } => args.iter_mut().collect(),
    }
}

/// Calls `visit` on `expr` and everything inside it.
pub fn visit<'a>(expr: &'a Expr, visit_one: &mut impl FnMut(&'a Expr)) {
    visit_one(expr);
    for child in children(expr) {
        visit(child, visit_one);
    }
}

/// The functions `name`'s body calls.
fn callees(function: &UserFunction) -> Vec<&str> {
    let mut called = Vec::new();
    visit(&function.body, &mut |e| {
        if let ExprKind::UserCall { name, .. } = &e.kind
            && !called.contains(&name.as_str())
        {
            called.push(name.as_str());
        }
    });
    called
}

/// A cycle of calls through `name` (`f → g → f`), if defining it as
/// `function` would make one. Depth-first over the call graph, each
/// function visited once, so bounded by the number of functions.
pub fn cycle(name: &str, function: &UserFunction, functions: &Functions) -> Option<String> {
    fn search<'a>(
        at: &'a str,
        target: &str,
        path: &mut Vec<&'a str>,
        seen: &mut Vec<&'a str>,
        lookup: &dyn Fn(&str) -> Option<&'a UserFunction>,
    ) -> bool {
        let Some(function) = lookup(at) else {
            return false;
        };
        for callee in callees(function) {
            path.push(callee);
            if callee == target {
                return true;
            }
            if !seen.contains(&callee) {
                seen.push(callee);
                if search(callee, target, path, seen, lookup) {
                    return true;
                }
            }
            path.pop();
        }
        false
    }
    let lookup = |at: &str| match at == name {
        true => Some(function),
        false => functions.get(at),
    };
    let mut path = vec![name];
    let mut seen = vec![name];
    search(name, name, &mut path, &mut seen, &lookup).then(|| path.join(" → "))
}

/// Replaces every call of a user's function in `expr` by the function's
/// body, its parameters bound to the arguments. The body is placed at the
/// call's span, so an error inside it points at the call.
pub fn expand(expr: &mut Expr, functions: &Functions, limits: &Limits) -> Result<(), Error> {
    if functions.is_empty() {
        return Ok(());
    }
    let mut nodes = 0;
    let mut stack = Vec::new();
    expand_in(expr, functions, &mut stack, &mut nodes)?;
    // The evaluator recurses on the tree: keep it as shallow as the
    // parser keeps a written line (with the room a call's body takes).
    if depth(expr) > 4 * limits.max_depth {
        return Err(Error::new(
            ErrorKind::NestedTooDeeply {
                limit: limits.max_depth,
            },
            expr.span,
        ));
    }
    Ok(())
}

fn depth(expr: &Expr) -> usize {
    1 + children(expr).into_iter().map(depth).max().unwrap_or(0)
}

fn expand_in(
    expr: &mut Expr,
    functions: &Functions,
    stack: &mut Vec<String>,
    nodes: &mut usize,
) -> Result<(), Error> {
    *nodes += 1;
    if *nodes > MAX_EXPANDED_NODES {
        return Err(Error::new(ErrorKind::TooMuchWork, expr.span));
    }
    let span = expr.span;
    let ExprKind::UserCall {
        name,
        name_span,
        args,
    } = &mut expr.kind
    else {
        for child in children_mut(expr) {
            expand_in(child, functions, stack, nodes)?;
        }
        return Ok(());
    };
    let Some(function) = functions.get(name.as_str()) else {
        let name = name.clone();
        return Err(Error::new(
            ErrorKind::UnknownFunction {
                name,
                suggestion: None,
            },
            *name_span,
        ));
    };
    if args.len() != function.params.len() {
        return Err(Error::new(
            ErrorKind::UserArgumentCount {
                signature: signature(name, function),
                params: function.params.len(),
                given: args.len(),
            },
            span,
        ));
    }
    if let Some(start) = stack.iter().position(|f| f == name) {
        let mut cycle = stack[start..].to_vec();
        cycle.push(name.clone());
        return Err(Error::new(
            ErrorKind::Recursion {
                cycle: cycle.join(" → "),
            },
            *name_span,
        ));
    }
    // The arguments first, in the caller's scope. The body's own calls
    // are expanded before its parameters are bound, so each argument is
    // walked once; the parameters are renamed to names no one can type
    // meanwhile, so no name of a called function's body is taken for them.
    for arg in args.iter_mut() {
        expand_in(arg, functions, stack, nodes)?;
    }
    let args = std::mem::take(args);
    let mut body = function.body.clone();
    let level = stack.len();
    let placeholders: Vec<String> = (0..args.len())
        .map(|index| format!("\0{level}.{index}"))
        .collect();
    rename(&mut body, &function.params, &placeholders, span);
    stack.push(name.clone());
    expand_in(&mut body, functions, stack, nodes)?;
    stack.pop();
    bind(&mut body, &placeholders, &args, nodes)?;
    *expr = body;
    Ok(())
}

/// Every node of a body placed at `span`, and its parameters renamed.
fn rename(body: &mut Expr, params: &[String], placeholders: &[String], span: Span) {
    body.span = span;
    match &mut body.kind {
        ExprKind::Name(name) => {
            if let Some(index) = params.iter().position(|p| p == name) {
                *name = placeholders[index].clone();
            }
        }
        ExprKind::Call { name_span, .. } | ExprKind::UserCall { name_span, .. } => {
            *name_span = span;
        }
        _ => {}
    }
    for child in children_mut(body) {
        rename(child, params, placeholders, span);
    }
}

/// Each placeholder replaced by its argument (whose spans are the caller's).
fn bind(
    body: &mut Expr,
    placeholders: &[String],
    args: &[Expr],
    nodes: &mut usize,
) -> Result<(), Error> {
    if let ExprKind::Name(name) = &body.kind
        && let Some(index) = placeholders.iter().position(|p| p == name)
    {
        let span = body.span;
        *body = args[index].clone();
        *nodes += size(&args[index]);
        if *nodes > MAX_EXPANDED_NODES {
            return Err(Error::new(ErrorKind::TooMuchWork, span));
        }
        return Ok(());
    }
    for child in children_mut(body) {
        bind(child, placeholders, args, nodes)?;
    }
    Ok(())
}

fn size(expr: &Expr) -> usize {
    let mut count = 0;
    visit(expr, &mut |_| count += 1);
    count
}
