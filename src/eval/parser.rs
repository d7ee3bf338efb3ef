//! Tokens to a tree, by recursive descent with a depth bound.
//!
//! Grammar, loosest first:
//! ```text
//! line      := statement [('to' | '->' | 'in') FORM]   ('in' only after a
//!                                                     quantity: `5 in` is the inch)
//! statement := NAME '=' expr | expr ['=']
//! expr      := xor ('|' xor)*                (bitwise, as in Python)
//! xor       := and ('xor' and)*
//! and       := shift ('&' shift)*
//! shift     := sum (('<<' | '>>') sum)*
//! sum       := product (('+' | '-') product)*
//! product   := unary (('*' | '/' | 'mod') unary | implicit unary)*
//! unary     := ('-' | '+' | '~' | '√') unary | power
//! power     := postfix ['^' unary]          (right-associative)
//! postfix   := primary ('!' | '%' | '°')*
//! primary   := NUMBER [units] | NAME | FUNCTION '(' args ')' | FUNCTION unary
//!              | '(' expr ')'                (FUNCTION unary: one argument, `sqrt 16`)
//! units     := unit (('*' | '/' | 'per' | implicit) unit)*  (only while units follow)
//! unit      := ['square' | 'cubic'] UNIT ['^' ['-'] INTEGER]   (UNIT: one or two words)
//! FORM      := 'hex' | 'oct' | 'bin' | 'dec' | 'frac' | units
//! ```
//! `implicit` is juxtaposition before `(`, a name or `√`: `2pi`, `2(3)`.
//! A number binds its units tighter than `*` and `/`: `6 m^2 / 2 m` is 3 m.
//! A name is, in order: a user's variable, a function called with `(`, a
//! constant, a unit (read from the units table), else an unknown name.
//! Missing `)` at the very end are closed automatically.

use super::ast::{AddOp, BitOp, Expr, ExprKind, Line, MulOp, Statement, Target};
use super::builtins::{Builtin, Constant, is_reserved};
use super::error::{Error, ErrorKind, Span};
use super::lexer::{Literal, Token, TokenKind};
use super::limits::Limits;
use super::suggest::Nearest;
use super::units::{self, Compound, UnitTerm};

/// Parses a line; `is_variable` tells the user's variables, which shadow units.
#[cfg(test)]
pub fn parse(
    tokens: Vec<Token>,
    limits: &Limits,
    is_variable: &dyn Fn(&str) -> bool,
) -> Result<Line, Error> {
    parse_with_functions(tokens, limits, is_variable, &|_| false)
}

/// `parse`, where `is_function` tells the functions the user defined.
pub fn parse_with_functions(
    tokens: Vec<Token>,
    limits: &Limits,
    is_variable: &dyn Fn(&str) -> bool,
    is_function: &dyn Fn(&str) -> bool,
) -> Result<Line, Error> {
    let bitwise = tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Pipe
                | TokenKind::Xor
                | TokenKind::Ampersand
                | TokenKind::ShiftLeft
                | TokenKind::ShiftRight
        )
    });
    let mut parser = Parser {
        tokens,
        position: 0,
        depth: 0,
        max_depth: limits.max_depth,
        bitwise,
        is_variable,
        is_function,
        definition: None,
        exponent: false,
        arc_primes: false,
    };
    parser.line()
}

struct Parser<'a> {
    /// Ends with `End`; consumed tokens are taken out, not cloned.
    tokens: Vec<Token>,
    position: usize,
    depth: usize,
    max_depth: usize,
    /// Whether the line has a bitwise operator; most lines skip those
    /// four precedence levels.
    bitwise: bool,
    is_variable: &'a dyn Fn(&str) -> bool,
    is_function: &'a dyn Fn(&str) -> bool,
    /// While a definition's body is read: the function's name (a call of
    /// it is read as one, to be refused as recursion) and its parameters,
    /// which shadow everything else.
    definition: Option<(String, Vec<String>)>,
    /// Set while an exponent's first number is read: `2^10 m` is 2^10 metres.
    exponent: bool,
    /// Set while a quantity after an angle is read: `48° 46′ 32″` has
    /// minutes and seconds of arc, where `6′ 2″` has feet and inches.
    arc_primes: bool,
}

impl Parser<'_> {
    fn is_variable(&self, name: &str) -> bool {
        self.definition
            .as_ref()
            .is_some_and(|(_, params)| params.iter().any(|p| p == name))
            || (self.is_variable)(name)
    }

    fn is_function(&self, name: &str) -> bool {
        self.definition.as_ref().is_some_and(|(f, _)| f == name) || (self.is_function)(name)
    }

    /// The parameters of `name(a, b) = …` at the start of the line, when
    /// the line is a definition: names, separated by commas, then `=` and
    /// something after it.
    fn definition_params(&self) -> Option<Vec<(String, Span)>> {
        if *self.peek_at(1) != TokenKind::LeftParen {
            return None;
        }
        let mut params = Vec::new();
        let mut offset = 2;
        loop {
            let TokenKind::Name(param) = self.peek_at(offset) else {
                return None;
            };
            let span = self.tokens[(self.position + offset).min(self.tokens.len() - 1)].span;
            params.push((param.clone(), span));
            match self.peek_at(offset + 1) {
                TokenKind::Comma => offset += 2,
                TokenKind::RightParen => break,
                _ => return None,
            }
        }
        (*self.peek_at(offset + 2) == TokenKind::Equals
            && *self.peek_at(offset + 3) != TokenKind::End)
            .then_some(params)
    }

    /// `name(params) = body`, the parser at `name`.
    fn definition(&mut self, params: Vec<(String, Span)>) -> Result<Statement, Error> {
        let TokenKind::Name(name) = self.advance().kind.clone() else {
            unreachable!("a definition starts with its name")
        };
        let name_span = self.tokens[self.position - 1].span;
        if is_reserved(&name) {
            return Err(Error::new(ErrorKind::BuiltInRedefined { name }, name_span));
        }
        let mut names: Vec<String> = Vec::new();
        for (param, span) in params {
            if is_reserved(&param) {
                return Err(Error::new(ErrorKind::BuiltInAssigned { name: param }, span));
            }
            if names.contains(&param) {
                return Err(Error::new(
                    ErrorKind::DuplicateParameter { name: param },
                    span,
                ));
            }
            names.push(param);
        }
        // `(`, the parameters and their commas, `)` and `=`.
        for _ in 0..2 * names.len() + 2 {
            self.advance();
        }
        self.definition = Some((name.clone(), names.clone()));
        let body = self.expression()?;
        Ok(Statement::Definition {
            name,
            name_span,
            params: names,
            body,
        })
    }

    fn peek(&self) -> &Token {
        // The lexer always ends the list with `End`, and `advance` never passes it.
        &self.tokens[self.position]
    }

    fn peek_at(&self, offset: usize) -> &TokenKind {
        let index = (self.position + offset).min(self.tokens.len() - 1);
        &self.tokens[index].kind
    }

    fn advance(&mut self) -> Token {
        let span = self.peek().span;
        if self.peek().kind == TokenKind::End {
            return Token {
                kind: TokenKind::End,
                span,
            };
        }
        self.position += 1;
        // Leave a placeholder: the parser never looks back.
        let placeholder = Token {
            kind: TokenKind::Comma,
            span,
        };
        std::mem::replace(&mut self.tokens[self.position - 1], placeholder)
    }

    fn line(&mut self) -> Result<Line, Error> {
        if self.peek().kind == TokenKind::End {
            return Err(Error::new(ErrorKind::EmptyExpression, self.peek().span));
        }
        let statement = self.statement()?;
        let target = match self.peek().kind {
            TokenKind::To => Some(self.conversion()?),
            // `60 mph in km/h`: `in` before a unit or form, after a quantity.
            TokenKind::Name(_) if self.in_conversion_at(0) => Some(self.conversion()?),
            _ => None,
        };
        let to_span = target.as_ref().map(|(_, to)| *to);
        let target = target.map(|(target, _)| target);
        let token = self.peek();
        match &token.kind {
            TokenKind::End => Ok(Line {
                statement,
                target,
                to: to_span,
            }),
            TokenKind::RightParen => Err(Error::new(ErrorKind::UnmatchedClose, token.span)),
            TokenKind::Equals => Err(Error::new(ErrorKind::AssignmentNotAtStart, token.span)),
            TokenKind::Number(_) => Err(Error::new(ErrorKind::MissingOperator, token.span)),
            _ => Err(unexpected(token)),
        }
    }

    /// The target after `to`, `->` or a conversion's `in`, and the span of that word.
    fn conversion(&mut self) -> Result<(Target, Span), Error> {
        let to = self.advance().span;
        let form = match self.peek_at(0) {
            TokenKind::Name(name) if Target::from_name(name).is_some() => {
                let form = Target::from_name(name);
                self.advance();
                form.expect("checked above")
            }
            TokenKind::LeftParen | TokenKind::Name(_)
                if self.peek().kind == TokenKind::LeftParen || self.unit_at(0, false) =>
            {
                let (mut unit, mut numbers) = (Compound::default(), Vec::new());
                let span = self.target(&mut unit, &mut numbers, 1)?;
                let mut parts = vec![(unit, span)];
                while numbers.is_empty()
                    && self.peek().kind == TokenKind::Plus
                    && self.unit_at(1, false)
                {
                    self.advance();
                    parts.push(self.units(false)?);
                }
                match parts.len() {
                    1 => {
                        let (unit, span) = parts.remove(0);
                        Target::Unit(unit, span, numbers)
                    }
                    _ => Target::Mixed(parts),
                }
            }
            TokenKind::Name(name) => {
                let form = name.clone();
                let suggestion = units::suggestion(name).or_else(|| {
                    let mut nearest = Nearest::new(name);
                    units::offer_names(&mut nearest);
                    nearest.found()
                });
                return Err(Error::new(
                    ErrorKind::UnknownForm { form, suggestion },
                    self.peek().span,
                ));
            }
            _ => {
                let token = self.advance();
                let (found, span) = match token.kind {
                    TokenKind::End => ("the end of the line", to),
                    _ => (describe(&token.kind), token.span),
                };
                let found = match token.kind {
                    TokenKind::Number(_) => "a number",
                    _ => found,
                };
                return Err(Error::new(ErrorKind::MissingForm(found), span));
            }
        };
        Ok((form, to))
    }

    /// The unit after `to`, which may hold numbers and parentheses after
    /// its first unit (`L/100km`, `J/(mol K)`, `L/(100 km)`), into `unit`
    /// and `numbers`, each to the power `sign`; gives where it is written.
    fn target(
        &mut self,
        unit: &mut Compound,
        numbers: &mut Vec<(MulOp, Literal)>,
        sign: i32,
    ) -> Result<Span, Error> {
        let mut span = self.peek().span;
        let mut power = sign;
        loop {
            // A number binds the units after it: `100km` is one divisor.
            let mut binds = false;
            match self.peek().kind {
                TokenKind::Number(_) | TokenKind::LeftParen => {
                    let token = self.advance();
                    span = span.to(token.span);
                    if let TokenKind::Number(literal) = token.kind {
                        let op = if power > 0 {
                            MulOp::Multiply
                        } else {
                            MulOp::Divide
                        };
                        numbers.push((op, literal));
                        binds = true;
                    } else {
                        self.target(unit, numbers, power)?;
                        span = span.to(self.close_paren(token.span)?);
                    }
                }
                _ => {
                    let (next, next_span) = self.unit_power()?;
                    *unit = unit.times(&next, power);
                    span = span.to(next_span);
                }
            }
            power = match self.peek_at(0) {
                TokenKind::Star | TokenKind::Slash
                    if matches!(self.peek_at(1), TokenKind::Number(_) | TokenKind::LeftParen)
                        || self.unit_at(1, false) =>
                {
                    let star = self.advance().kind == TokenKind::Star;
                    if star { sign } else { -sign }
                }
                TokenKind::Name(per) if per == "per" && self.unit_at(1, false) => {
                    self.advance();
                    -sign
                }
                TokenKind::Name(_) if self.in_conversion_at(0) => break,
                TokenKind::Name(_) if self.unit_at(0, false) && binds => power,
                TokenKind::Name(_) if self.unit_at(0, false) => sign,
                _ => break,
            };
        }
        Ok(span)
    }

    /// Whether the `in` at `offset` converts: a unit or a form follows it.
    /// (After a number, `in` is the inch: `5 in`, `5 in in cm`.)
    fn in_conversion_at(&self, offset: usize) -> bool {
        matches!(self.peek_at(offset), TokenKind::Name(n) if n == "in")
            && !self.is_variable("in")
            && (matches!(self.peek_at(offset + 1), TokenKind::Name(n) if Target::from_name(n).is_some())
                || self.unit_at(offset + 1, false))
    }

    fn statement(&mut self) -> Result<Statement, Error> {
        if matches!(self.peek_at(0), TokenKind::Name(_))
            && let Some(params) = self.definition_params()
        {
            return self.definition(params);
        }
        let statement = match (self.peek_at(0), self.peek_at(1)) {
            (TokenKind::Name(name), TokenKind::Equals) if *self.peek_at(2) != TokenKind::End => {
                let name = name.clone();
                let name_span = self.advance().span;
                self.advance();
                let value = self.expression()?;
                Statement::Assignment {
                    name,
                    name_span,
                    value,
                }
            }
            _ => Statement::Expression(self.expression()?),
        };
        // A trailing `=` is what a keypad user types to evaluate: accept it.
        if self.peek().kind == TokenKind::Equals
            && matches!(self.peek_at(1), TokenKind::End | TokenKind::To)
        {
            self.advance();
        }
        Ok(statement)
    }

    /// One precedence level of bitwise operators: `next` chained by `ops`.
    fn bitwise(
        &mut self,
        ops: &[(TokenKind, BitOp)],
        next: fn(&mut Self) -> Result<Expr, Error>,
    ) -> Result<Expr, Error> {
        let first = next(self)?;
        let mut rest = Vec::new();
        while let Some(op) = ops
            .iter()
            .find(|(token, _)| *token == self.peek().kind)
            .map(|(_, op)| *op)
        {
            self.advance();
            rest.push((op, next(self)?));
        }
        Ok(match rest.last() {
            None => first,
            Some((_, last)) => {
                let span = first.span.to(last.span);
                Expr::new(
                    ExprKind::Bitwise {
                        first: Box::new(first),
                        rest,
                    },
                    span,
                )
            }
        })
    }

    fn expression(&mut self) -> Result<Expr, Error> {
        if !self.bitwise {
            return self.sum();
        }
        self.bitwise(&[(TokenKind::Pipe, BitOp::Or)], Self::bit_xor)
    }

    fn bit_xor(&mut self) -> Result<Expr, Error> {
        self.bitwise(&[(TokenKind::Xor, BitOp::Xor)], Self::bit_and)
    }

    fn bit_and(&mut self) -> Result<Expr, Error> {
        self.bitwise(&[(TokenKind::Ampersand, BitOp::And)], Self::shift)
    }

    fn shift(&mut self) -> Result<Expr, Error> {
        self.bitwise(
            &[
                (TokenKind::ShiftLeft, BitOp::ShiftLeft),
                (TokenKind::ShiftRight, BitOp::ShiftRight),
            ],
            Self::sum,
        )
    }

    fn sum(&mut self) -> Result<Expr, Error> {
        let first = self.product()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek().kind {
                TokenKind::Plus => AddOp::Add,
                TokenKind::Minus => AddOp::Subtract,
                // `6 ft 2 in`, `5 foot 2 inches`: a quantity written just
                // after a quantity adds to it.
                TokenKind::Number(_)
                    if is_quantity_literal(rest.last().map_or(&first, |(_, e)| e))
                        && self.unit_at(1, true) =>
                {
                    self.arc_primes = is_angle_literal(rest.last().map_or(&first, |(_, e)| e));
                    let term = self.product();
                    self.arc_primes = false;
                    rest.push((AddOp::Add, term?));
                    continue;
                }
                _ => break,
            };
            self.advance();
            rest.push((op, self.product()?));
        }
        Ok(match rest.last() {
            None => first,
            Some((_, last)) => {
                let span = first.span.to(last.span);
                Expr::new(
                    ExprKind::Sum {
                        first: Box::new(first),
                        rest,
                    },
                    span,
                )
            }
        })
    }

    fn product(&mut self) -> Result<Expr, Error> {
        let first = self.unary()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek().kind {
                TokenKind::Star => MulOp::Multiply,
                TokenKind::Slash => MulOp::Divide,
                TokenKind::Mod => MulOp::Modulo,
                TokenKind::Name(_) if self.in_conversion_at(0) => break,
                TokenKind::LeftParen | TokenKind::Name(_) | TokenKind::Root => {
                    rest.push((MulOp::Multiply, self.unary()?));
                    continue;
                }
                _ => break,
            };
            self.advance();
            rest.push((op, self.unary()?));
        }
        Ok(match rest.last() {
            None => first,
            Some((_, last)) => {
                let span = first.span.to(last.span);
                Expr::new(
                    ExprKind::Product {
                        first: Box::new(first),
                        rest,
                    },
                    span,
                )
            }
        })
    }

    fn unary(&mut self) -> Result<Expr, Error> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Error::new(
                ErrorKind::NestedTooDeeply {
                    limit: self.max_depth,
                },
                self.peek().span,
            ));
        }
        let result = self.unary_inner();
        self.depth -= 1;
        result
    }

    fn unary_inner(&mut self) -> Result<Expr, Error> {
        let start = self.peek().span;
        match self.peek().kind {
            TokenKind::Minus => {
                self.advance();
                let operand = self.unary()?;
                let span = start.to(operand.span);
                Ok(Expr::new(ExprKind::Negate(Box::new(operand)), span))
            }
            TokenKind::Plus => {
                self.advance();
                self.unary()
            }
            TokenKind::Tilde => {
                self.advance();
                let operand = self.unary()?;
                let span = start.to(operand.span);
                Ok(Expr::new(ExprKind::BitNot(Box::new(operand)), span))
            }
            TokenKind::Root => {
                self.advance();
                let operand = self.unary()?;
                let span = start.to(operand.span);
                Ok(Expr::new(
                    ExprKind::Call {
                        function: Builtin::Sqrt,
                        name_span: start,
                        args: vec![operand],
                    },
                    span,
                ))
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Expr, Error> {
        let base = self.postfix()?;
        if self.peek().kind != TokenKind::Caret {
            return Ok(base);
        }
        self.advance();
        self.exponent = true;
        let exponent = self.unary();
        self.exponent = false;
        let exponent = exponent?;
        let span = base.span.to(exponent.span);
        Ok(Expr::new(
            ExprKind::Power {
                base: Box::new(base),
                exponent: Box::new(exponent),
            },
            span,
        ))
    }

    fn postfix(&mut self) -> Result<Expr, Error> {
        let mut expr = self.primary()?;
        let depth_before = self.depth;
        loop {
            let span = self.peek().span;
            let kind = match self.peek().kind {
                TokenKind::Bang => ExprKind::Factorial(Box::new(expr)),
                TokenKind::Percent => {
                    if let TokenKind::Number(_) = self.peek_at(1) {
                        return Err(Error::new(ErrorKind::PercentIsNotRemainder, span));
                    }
                    ExprKind::Percent(Box::new(expr))
                }
                TokenKind::Degree => ExprKind::Degrees(Box::new(expr)),
                _ => break,
            };
            // Each postfix operator nests the tree one level deeper.
            self.depth += 1;
            if self.depth > self.max_depth {
                return Err(Error::new(
                    ErrorKind::NestedTooDeeply {
                        limit: self.max_depth,
                    },
                    span,
                ));
            }
            self.advance();
            let span = match &kind {
                ExprKind::Factorial(e) | ExprKind::Percent(e) | ExprKind::Degrees(e) => {
                    e.span.to(span)
                }
                _ => unreachable!("only postfix kinds are built here"),
            };
            expr = Expr::new(kind, span);
        }
        self.depth = depth_before;
        Ok(expr)
    }

    fn primary(&mut self) -> Result<Expr, Error> {
        let token = self.advance();
        let in_exponent = std::mem::take(&mut self.exponent);
        match token.kind {
            TokenKind::Number(value) => {
                let number = Expr::new(ExprKind::Number(value), token.span);
                if in_exponent || !self.unit_at(0, true) {
                    return Ok(number);
                }
                let (unit, span) = self.units(true)?;
                let unit = Expr::new(ExprKind::Unit(unit), span);
                Ok(Expr::new(
                    ExprKind::Product {
                        first: Box::new(number),
                        rest: vec![(MulOp::Multiply, unit)],
                    },
                    token.span.to(span),
                ))
            }
            TokenKind::Name(name)
                if self.peek().kind == TokenKind::LeftParen
                    && self.is_function(&name)
                    && !self.is_variable(&name) =>
            {
                self.user_call(name, token.span)
            }
            TokenKind::Name(name) => {
                let function = Builtin::from_name(&name);
                // `pow(2, 3)`, `f()`, `x(1, 2)`: a call, not a name times a group.
                // In a definition's body, `g(x)` is a call too (of a function
                // not defined yet), not the gram times x.
                let called_in_body = self.definition.is_some()
                    && self.peek().kind == TokenKind::LeftParen
                    && !self.is_variable(&name)
                    && Constant::from_name(&name).is_none();
                if function.is_none() && (called_in_body || self.group_is_call()) {
                    let mut nearest = Nearest::new(&name);
                    for function in Builtin::ALL {
                        nearest.offer(function.name());
                    }
                    let suggestion = nearest.found();
                    return Err(Error::new(
                        ErrorKind::UnknownFunction { name, suggestion },
                        token.span,
                    ));
                }
                if self.is_variable(&name) || Constant::from_name(&name).is_some() {
                    return Ok(Expr::new(ExprKind::Name(name), token.span));
                }
                // A function being called is never looked up as a unit.
                if let Some(function) = function
                    && self.peek().kind == TokenKind::LeftParen
                {
                    return self.call(function, token.span);
                }
                match (function, self.unit_words(&name, 0)) {
                    (_, Some((unit, words))) => {
                        let mut span = token.span;
                        for _ in 1..words {
                            span = span.to(self.advance().span);
                        }
                        Ok(Expr::new(ExprKind::Unit(unit), span))
                    }
                    (Some(function), None) => self.call(function, token.span),
                    (None, None) => Ok(Expr::new(ExprKind::Name(name), token.span)),
                }
            }
            TokenKind::LeftParen => {
                let inner = self.expression()?;
                let end = self.close_paren(token.span)?;
                Ok(Expr::new(inner.kind, token.span.to(end)))
            }
            TokenKind::End => Err(Error::new(ErrorKind::EndsEarly, token.span)),
            _ => Err(unexpected(&token)),
        }
    }

    /// Whether a parenthesised group comes next that only a call could
    /// have: empty, or with a comma of its own. (Looks ahead to its close
    /// at most; nesting is bounded by the depth limit.)
    fn group_is_call(&self) -> bool {
        if self.peek().kind != TokenKind::LeftParen {
            return false;
        }
        if *self.peek_at(1) == TokenKind::RightParen {
            return true;
        }
        let mut depth = 0usize;
        for token in &self.tokens[self.position..] {
            match token.kind {
                TokenKind::LeftParen => depth += 1,
                TokenKind::RightParen if depth == 1 => return false,
                TokenKind::RightParen => depth -= 1,
                TokenKind::Comma if depth == 1 => return true,
                TokenKind::End => return false,
                _ => {}
            }
        }
        false
    }

    /// `f(a, b)` of a function the user defined; its arguments are counted
    /// when it is expanded.
    fn user_call(&mut self, name: String, name_span: Span) -> Result<Expr, Error> {
        let open = self.advance().span;
        let mut args = Vec::new();
        if self.peek().kind != TokenKind::RightParen {
            args.push(self.expression()?);
            while self.peek().kind == TokenKind::Comma {
                self.advance();
                args.push(self.expression()?);
            }
        }
        let end = self.close_paren(open)?;
        Ok(Expr::new(
            ExprKind::UserCall {
                name,
                name_span,
                args,
            },
            name_span.to(end),
        ))
    }

    fn call(&mut self, function: Builtin, name_span: Span) -> Result<Expr, Error> {
        // `sqrt 16`, `sin 30°`, `2 sqrt 9`: a function of one argument
        // written without parentheses takes the power that follows, as
        // unary minus does: `sin 30^2` is sin(900), `sin 30 * 2` is sin(30)·2.
        let starts_operand = matches!(
            self.peek().kind,
            TokenKind::Number(_)
                | TokenKind::Name(_)
                | TokenKind::Minus
                | TokenKind::Plus
                | TokenKind::Tilde
                | TokenKind::Root
        );
        if starts_operand && function.arity().accepts(1) {
            let argument = self.unary()?;
            let span = name_span.to(argument.span);
            return Ok(Expr::new(
                ExprKind::Call {
                    function,
                    name_span,
                    args: vec![argument],
                },
                span,
            ));
        }
        if self.peek().kind != TokenKind::LeftParen {
            return Err(Error::new(
                ErrorKind::NeedsParentheses {
                    function: function.name(),
                },
                name_span,
            ));
        }
        let open = self.advance().span;
        if self.peek().kind == TokenKind::RightParen {
            let end = self.advance().span;
            return Err(Error::new(
                ErrorKind::WrongArgumentCount {
                    function: function.name(),
                    arity: function.arity(),
                    given: 0,
                },
                name_span.to(end),
            ));
        }
        let mut args = vec![self.expression()?];
        while self.peek().kind == TokenKind::Comma {
            self.advance();
            args.push(self.expression()?);
        }
        let end = self.close_paren(open)?;
        let span = name_span.to(end);
        if !function.arity().accepts(args.len()) {
            return Err(Error::new(
                ErrorKind::WrongArgumentCount {
                    function: function.name(),
                    arity: function.arity(),
                    given: args.len(),
                },
                span,
            ));
        }
        Ok(Expr::new(
            ExprKind::Call {
                function,
                name_span,
                args,
            },
            span,
        ))
    }

    /// Whether the token `offset` ahead names a unit here: not a variable
    /// (when `shadowed`), a constant, or a function being called.
    fn unit_at(&self, offset: usize, shadowed: bool) -> bool {
        let TokenKind::Name(name) = self.peek_at(offset) else {
            return false;
        };
        !(shadowed && self.is_variable(name))
            && Constant::from_name(name).is_none()
            && !(Builtin::from_name(name).is_some()
                && *self.peek_at(offset + 1) == TokenKind::LeftParen)
            && self.unit_name(offset).is_some()
    }

    /// The unit named at `offset` and how many words name it: one, two
    /// (`light year`, `degrees celsius`, `fl oz`, as `light_year` in the
    /// table), or a power word and a unit (`square feet`, `cubic m`).
    fn unit_name(&self, offset: usize) -> Option<(Compound, usize)> {
        let TokenKind::Name(first) = self.peek_at(offset) else {
            return None;
        };
        self.unit_words(first, offset + 1)
    }

    /// The unit named by `first` and perhaps the word at `next`.
    fn unit_words(&self, first: &str, next: usize) -> Option<(Compound, usize)> {
        // The unit, its power and the words read, then one compound built.
        let (unit, power, words) = 'named: {
            if let TokenKind::Name(second) = self.peek_at(next) {
                let mut joined = first.to_string();
                joined.push('_');
                joined.push_str(second);
                if let Some((unit, _)) = units::resolve(&joined) {
                    break 'named (unit, 1, 2);
                }
                let power = match first {
                    "square" | "sq" => 2,
                    "cubic" => 3,
                    _ => 0,
                };
                if power != 0
                    && let Some((unit, _)) = units::resolve(second)
                {
                    break 'named (unit, power, 2);
                }
            }
            let first = match first {
                "′" if self.arc_primes => "arcmin",
                "″" if self.arc_primes => "arcsec",
                _ => first,
            };
            if let Some((unit, _)) = units::resolve(first) {
                break 'named (unit, 1, 1);
            }
            // `m3`, `cm2`: a power written as a digit after the unit.
            let power = match first.chars().last()? {
                '2' => 2,
                '3' => 3,
                _ => return None,
            };
            let (unit, _) = units::resolve(&first[..first.len() - 1])?;
            (unit, power, 1)
        };
        let terms = vec![UnitTerm { unit, power }];
        Some((Compound { terms }, words))
    }

    /// A product of units after a number or a `to`: `km/h`, `kg m/s^2`,
    /// `miles per hour`.
    fn units(&mut self, shadowed: bool) -> Result<(Compound, Span), Error> {
        let (mut compound, mut span) = self.unit_power()?;
        loop {
            let sign = match self.peek_at(0) {
                TokenKind::Star if self.unit_at(1, shadowed) => 1,
                TokenKind::Slash if self.unit_at(1, shadowed) => -1,
                TokenKind::Name(per) if per == "per" && self.unit_at(1, shadowed) => -1,
                TokenKind::Name(_) if self.in_conversion_at(0) => break,
                TokenKind::Name(_) if self.unit_at(0, shadowed) => 0,
                _ => break,
            };
            if sign != 0 {
                self.advance();
            }
            let (next, next_span) = self.unit_power()?;
            compound = compound.times(&next, if sign == -1 { -1 } else { 1 });
            span = span.to(next_span);
        }
        Ok((compound, span))
    }

    /// One unit and its integer power, if it has one: `s^-2`, `m²`.
    fn unit_power(&mut self) -> Result<(Compound, Span), Error> {
        let Some((unit, words)) = self.unit_name(0) else {
            return Err(unexpected(&self.advance()));
        };
        let mut token = self.advance();
        for _ in 1..words {
            token.span = token.span.to(self.advance().span);
        }
        if self.peek().kind != TokenKind::Caret {
            return Ok((unit, token.span));
        }
        let (sign, at) = match self.peek_at(1) {
            TokenKind::Minus => (-1, 2),
            TokenKind::Plus => (1, 2),
            _ => (1, 1),
        };
        let power = match self.peek_at(at) {
            TokenKind::Number(literal) => {
                let r = literal.to_rational();
                r.is_integer()
                    .then(|| i32::try_from(r.numer()).ok())
                    .flatten()
                    .filter(|p| p.unsigned_abs() <= 64)
            }
            _ => None,
        };
        // Anything else after `^` is left to the general power: `(2 m)^x`.
        let Some(power) = power else {
            return Ok((unit, token.span));
        };
        for _ in 0..at {
            self.advance();
        }
        let end = self.advance().span;
        Ok((unit.powered(sign * power), token.span.to(end)))
    }

    /// Consumes the `)` matching `open`, or accepts the end of input in its place.
    fn close_paren(&mut self, open: Span) -> Result<Span, Error> {
        let span = self.peek().span;
        match self.peek().kind {
            TokenKind::RightParen => {
                self.advance();
                Ok(span)
            }
            TokenKind::End => Ok(span),
            TokenKind::Number(_) => Err(Error::new(ErrorKind::MissingOperator, span)),
            // `(123 K to °C) to K`: the `to` is what is wrong, not the `(`.
            TokenKind::To => Err(unexpected(self.peek())),
            _ => Err(Error::new(ErrorKind::UnclosedOpen, open.to(span))),
        }
    }
}

/// Whether `expr` is a number and its units as written: `6 ft`, `48°`.
fn is_quantity_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Degrees(number) => matches!(number.kind, ExprKind::Number(_)),
        ExprKind::Product { first, rest } => {
            matches!(first.kind, ExprKind::Number(_))
                && matches!(rest.as_slice(), [(MulOp::Multiply, unit)] if matches!(unit.kind, ExprKind::Unit(_)))
        }
        _ => false,
    }
}

/// Whether `expr` is a number of degrees or of another angle unit: `48°`, `46′`.
fn is_angle_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Degrees(_) => true,
        ExprKind::Product { rest, .. } => {
            matches!(rest.as_slice(), [(_, unit)] if matches!(&unit.kind, ExprKind::Unit(u) if u.dimension().is_angle()))
        }
        _ => false,
    }
}

fn unexpected(token: &Token) -> Error {
    let kind = match &token.kind {
        TokenKind::End => ErrorKind::EndsEarly,
        TokenKind::RightParen => ErrorKind::UnmatchedClose,
        TokenKind::Comma => ErrorKind::CommaOutsideCall,
        TokenKind::Equals => ErrorKind::AssignmentNotAtStart,
        other => ErrorKind::Unexpected(describe(other).into()),
    };
    Error::new(kind, token.span)
}

fn describe(kind: &TokenKind) -> &'static str {
    match kind {
        TokenKind::Number(_) => "number",
        TokenKind::Name(_) => "name",
        TokenKind::Plus => "'+'",
        TokenKind::Minus => "'-'",
        TokenKind::Star => "'*'",
        TokenKind::Slash => "'/'",
        TokenKind::Caret => "'^'",
        TokenKind::Bang => "'!'",
        TokenKind::Percent => "'%'",
        TokenKind::Degree => "'°'",
        TokenKind::Root => "'√'",
        TokenKind::LeftParen => "'('",
        TokenKind::RightParen => "')'",
        TokenKind::Comma => "','",
        TokenKind::Equals => "'='",
        TokenKind::Mod => "'mod'",
        TokenKind::Ampersand => "'&'",
        TokenKind::Pipe => "'|'",
        TokenKind::Xor => "'xor'",
        TokenKind::Tilde => "'~'",
        TokenKind::ShiftLeft => "'<<'",
        TokenKind::ShiftRight => "'>>'",
        TokenKind::To => "'to': a conversion comes last, after a value",
        TokenKind::End => "end of input",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::lexer::tokenize;

    fn parse_str(input: &str) -> Result<Statement, Error> {
        parse_line(input).map(|line| line.statement)
    }

    fn parse_line(input: &str) -> Result<Line, Error> {
        let limits = Limits::default();
        parse(tokenize(input, &limits)?, &limits, &|_| false)
    }

    /// A compact rendering of the tree to assert its shape.
    fn shape(input: &str) -> String {
        fn show(e: &Expr) -> String {
            match &e.kind {
                ExprKind::Number(n) => n.to_rational().to_string(),
                ExprKind::Name(n) => n.clone(),
                ExprKind::Negate(e) => format!("(-{})", show(e)),
                ExprKind::Sum { first, rest } => {
                    let mut s = format!("({}", show(first));
                    for (op, e) in rest {
                        s += if *op == AddOp::Add { " + " } else { " - " };
                        s += &show(e);
                    }
                    s + ")"
                }
                ExprKind::Product { first, rest } => {
                    let mut s = format!("({}", show(first));
                    for (op, e) in rest {
                        s += match op {
                            MulOp::Multiply => " * ",
                            MulOp::Divide => " / ",
                            MulOp::Modulo => " mod ",
                        };
                        s += &show(e);
                    }
                    s + ")"
                }
                ExprKind::Power { base, exponent } => {
                    format!("({}^{})", show(base), show(exponent))
                }
                ExprKind::Bitwise { first, rest } => {
                    let mut s = format!("({}", show(first));
                    for (op, e) in rest {
                        s += match op {
                            BitOp::And => " & ",
                            BitOp::Or => " | ",
                            BitOp::Xor => " xor ",
                            BitOp::ShiftLeft => " << ",
                            BitOp::ShiftRight => " >> ",
                        };
                        s += &show(e);
                    }
                    s + ")"
                }
                ExprKind::BitNot(e) => format!("(~{})", show(e)),
                ExprKind::Factorial(e) => format!("({}!)", show(e)),
                ExprKind::Percent(e) => format!("({}%)", show(e)),
                ExprKind::Degrees(e) => format!("({}°)", show(e)),
                ExprKind::Call { function, args, .. } => {
                    let args: Vec<_> = args.iter().map(show).collect();
                    format!("{}({})", function.name(), args.join(", "))
                }
                ExprKind::UserCall { name, args, .. } => {
                    let args: Vec<_> = args.iter().map(show).collect();
                    format!("{name}!({})", args.join(", "))
                }
                ExprKind::Unit(unit) => format!("[{}]", unit.render()),
                ExprKind::Convert { expr, target, .. } => {
                    format!("({} in {})", show(expr), target.render())
                }
            }
        }
        match parse_str(input).unwrap() {
            Statement::Expression(e) => show(&e),
            Statement::Assignment { name, value, .. } => format!("{name} := {}", show(&value)),
            Statement::Definition {
                name, params, body, ..
            } => format!("{name}({}) := {}", params.join(", "), show(&body)),
        }
    }

    #[test]
    fn power_binds_above_unary_minus() {
        assert_eq!(shape("-2^2"), "(-(2^2))");
        assert_eq!(shape("2^-1"), "(2^(-1))");
    }

    #[test]
    fn power_is_right_associative() {
        assert_eq!(shape("2^3^2"), "(2^(3^2))");
    }

    #[test]
    fn factorial_binds_above_unary_minus() {
        assert_eq!(shape("-3!"), "(-(3!))");
        assert_eq!(shape("3!^2"), "((3!)^2)");
    }

    #[test]
    fn implicit_multiplication_has_the_precedence_of_times() {
        assert_eq!(shape("6/2(1+2)"), "(6 / 2 * (1 + 2))");
        assert_eq!(shape("2pi"), "(2 * pi)");
        assert_eq!(shape("(1+2)(3+4)"), "((1 + 2) * (3 + 4))");
        assert_eq!(shape("2sqrt(4)"), "(2 * sqrt(4))");
        assert_eq!(shape("2√4"), "(2 * sqrt(4))");
    }

    #[test]
    fn chains_are_flat() {
        assert_eq!(shape("1-2+3"), "(1 - 2 + 3)");
        assert_eq!(shape("8/2/2*3 mod 5"), "(8 / 2 / 2 * 3 mod 5)");
        assert_eq!(shape("3--2"), "(3 - (-2))");
    }

    #[test]
    fn missing_closing_parentheses_are_closed_at_the_end() {
        assert_eq!(shape("(1+2"), "(1 + 2)");
        assert_eq!(shape("sqrt((4"), "sqrt(4)");
    }

    #[test]
    fn assignment_and_trailing_equals() {
        assert_eq!(shape("x = 2+3"), "x := (2 + 3)");
        assert_eq!(shape("2+3="), "(2 + 3)");
    }

    #[test]
    fn a_definition_reads_its_parameters_as_names_and_itself_as_a_call() {
        assert_eq!(shape("f(x) = x^2 + 1"), "f(x) := ((x^2) + 1)");
        assert_eq!(shape("speed(d, t) = d/t"), "speed(d, t) := (d / t)");
        assert_eq!(shape("f(x) = f(x - 1)"), "f(x) := f!((x - 1))");
        // Not a definition: a keypad `=` at the end, or a call's arguments.
        assert_eq!(shape("sqrt(4) ="), "sqrt(4)");
    }

    #[test]
    fn percent_is_postfix() {
        assert_eq!(shape("100+10%"), "(100 + (10%))");
    }

    #[test]
    fn errors_point_at_the_fault() {
        let err = parse_str("1+2)").unwrap_err();
        assert_eq!((err.span.start, err.span.end), (3, 4));
        assert_eq!(err.kind, ErrorKind::UnmatchedClose);

        let err = parse_str("2 3").unwrap_err();
        assert_eq!((err.span.start, err.span.end), (2, 3));

        let err = parse_str("1+").unwrap_err();
        assert_eq!((err.span.start, err.span.end), (2, 2));

        let err = parse_str("7 % 3").unwrap_err();
        assert_eq!(err.kind, ErrorKind::PercentIsNotRemainder);

        let err = parse_str("hypot 3").unwrap_err();
        assert_eq!((err.span.start, err.span.end), (0, 5));

        let err = parse_str("min(1)").unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::WrongArgumentCount {
                function: "min",
                given: 1,
                ..
            }
        ));

        assert!(parse_str("").is_err());
        assert!(parse_str("1 = 2").is_err());
        assert!(parse_str("(,)").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "(".repeat(2000) + "1";
        let too_deep = ErrorKind::NestedTooDeeply { limit: 100 };
        assert_eq!(parse_str(&deep).unwrap_err().kind, too_deep);
        let minus = "-".repeat(2000) + "1";
        assert_eq!(parse_str(&minus).unwrap_err().kind, too_deep);
        let tildes = "~".repeat(2000) + "1";
        assert_eq!(parse_str(&tildes).unwrap_err().kind, too_deep);
        let bangs = "3".to_string() + &"!".repeat(2000);
        assert_eq!(parse_str(&bangs).unwrap_err().kind, too_deep);
        let powers = "2^".repeat(1000) + "2";
        assert_eq!(parse_str(&powers).unwrap_err().kind, too_deep);
    }

    #[test]
    fn bitwise_precedence_follows_python() {
        assert_eq!(
            shape("1 | 2 xor 3 & 4 << 1 + 1"),
            "(1 | (2 xor (3 & (4 << (1 + 1)))))"
        );
        assert_eq!(shape("~1 + 2"), "((~1) + 2)");
        assert_eq!(shape("-~2^2"), "(-(~(2^2)))");
        assert_eq!(shape("1 << 2 >> 3"), "(1 << 2 >> 3)");
    }

    #[test]
    fn conversions_end_the_line() {
        let line = parse_line("255 to hex").unwrap();
        assert_eq!(
            line.target,
            Some(Target::Radix(crate::eval::radix::Radix::Hexadecimal))
        );
        assert_eq!(
            parse_line("x = 1/4 -> frac").unwrap().target,
            Some(Target::Fraction)
        );
        assert_eq!(
            parse_line("6*7= to dec").unwrap().target,
            Some(Target::Decimal)
        );
        let err = parse_line("255 to roman").unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::UnknownForm {
                form: "roman".into(),
                suggestion: None,
            }
        );
        assert_eq!((err.span.start, err.span.end), (7, 12));
        assert!(parse_line("1 to hex to bin").is_err());
        assert!(parse_line("(1 to hex)").is_err());
    }

    #[test]
    fn degrees_are_postfix() {
        assert_eq!(shape("sin(30°)"), "sin((30°))");
        assert_eq!(shape("-180°"), "(-(180°))");
    }

    #[test]
    fn a_number_binds_its_units_tighter_than_times() {
        assert_eq!(shape("6 m^2 / 2 m"), "((6 * [m²]) / (2 * [m]))");
        assert_eq!(shape("100 km/h"), "(100 * [km/h])");
        assert_eq!(
            shape("9.81 m/s^2 * 70 kg"),
            "((981/100 * [m/s²]) * (70 * [kg]))"
        );
        assert_eq!(shape("5 kg m/s²"), "(5 * [kg·m/s²])");
        assert_eq!(shape("2 fl oz"), "(2 * [floz])");
        // An exponent's number takes no unit: 2^10 metres.
        assert_eq!(shape("2^10 m"), "((2^10) * [m])");
        assert_eq!(shape("(1+2) m"), "((1 + 2) * [m])");
    }

    #[test]
    fn names_resolve_variable_then_function_then_constant_then_unit() {
        let limits = Limits::default();
        let with_m = |input: &str| {
            let line = parse(tokenize(input, &limits).unwrap(), &limits, &|n| n == "m").unwrap();
            match line.statement {
                Statement::Expression(e) => e.kind,
                _ => unreachable!(),
            }
        };
        assert!(matches!(with_m("5 m"), ExprKind::Product { .. }));
        assert!(matches!(with_m("m"), ExprKind::Name(_)));
        assert_eq!(shape("min(1, 2)"), "min(1, 2)");
        assert_eq!(shape("5 min"), "(5 * [min])");
        assert_eq!(shape("3 in"), "(3 * [in])");
        assert_eq!(shape("2 h"), "(2 * [h])");
        assert_eq!(shape("2 pi"), "(2 * pi)");
        assert_eq!(shape("3 x"), "(3 * x)");
    }

    #[test]
    fn conversions_to_units() {
        let line = parse_line("60 mph to km/h").unwrap();
        let Some(Target::Unit(unit, span, _)) = line.target else {
            panic!("a unit form")
        };
        assert_eq!(unit.render(), "km/h");
        assert_eq!((span.start, span.end), (10, 14));
        assert_eq!(line.to.map(|s| (s.start, s.end)), Some((7, 9)));
        assert!(matches!(
            parse_line("1 m -> ft").unwrap().target,
            Some(Target::Unit(..))
        ));
        let err = parse_line("1 m to furlongz").unwrap_err();
        assert_eq!((err.span.start, err.span.end), (7, 15));
    }

    #[test]
    fn long_flat_chains_are_fine() {
        let sum = vec!["1"; 1500].join("+");
        assert!(parse_str(&sum).is_ok());
    }
}
