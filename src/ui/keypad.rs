//! The keypad: which buttons exist, in what grid, and what each one does.

/// One keypad button. Its label is what the screen shows between spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeypadButton {
    Digit(u8),
    Point,
    Plus,
    Minus,
    Times,
    Divide,
    Power,
    Open,
    Close,
    Percent,
    Equals,
    Clear,
    Backspace,
    Ans,
    Negate,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Ln,
    Log,
    Pi,
    E,
    Factorial,
    AngleMode,
}

/// What pressing a button does to the calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonEffect {
    /// Insert this text at the cursor.
    Insert(&'static str),
    Evaluate,
    Clear,
    Backspace,
    Negate,
    ToggleAngle,
}

impl KeypadButton {
    pub fn label(self) -> &'static str {
        use KeypadButton::*;
        match self {
            Digit(d) => ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"][d as usize % 10],
            Point => ".",
            Plus => "+",
            Minus => "−",
            Times => "×",
            Divide => "÷",
            Power => "^",
            Open => "(",
            Close => ")",
            Percent => "%",
            Equals => "=",
            Clear => "C",
            Backspace => "⌫",
            Ans => "ans",
            Negate => "±",
            Sqrt => "√",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Ln => "ln",
            Log => "log",
            Pi => "π",
            E => "e",
            Factorial => "!",
            AngleMode => "DEG/RAD",
        }
    }

    pub fn effect(self) -> ButtonEffect {
        use ButtonEffect::*;
        match self {
            KeypadButton::Digit(d) => Insert(KeypadButton::Digit(d).label()),
            KeypadButton::Point => Insert("."),
            KeypadButton::Plus => Insert("+"),
            // The typed ASCII forms, so the input reads the same however it was entered.
            KeypadButton::Minus => Insert("-"),
            KeypadButton::Times => Insert("*"),
            KeypadButton::Divide => Insert("/"),
            KeypadButton::Power => Insert("^"),
            KeypadButton::Open => Insert("("),
            KeypadButton::Close => Insert(")"),
            KeypadButton::Percent => Insert("%"),
            KeypadButton::Ans => Insert("ans"),
            KeypadButton::Sqrt => Insert("sqrt("),
            KeypadButton::Sin => Insert("sin("),
            KeypadButton::Cos => Insert("cos("),
            KeypadButton::Tan => Insert("tan("),
            KeypadButton::Ln => Insert("ln("),
            KeypadButton::Log => Insert("log("),
            KeypadButton::Pi => Insert("π"),
            KeypadButton::E => Insert("e"),
            KeypadButton::Factorial => Insert("!"),
            KeypadButton::Equals => Evaluate,
            KeypadButton::Clear => Clear,
            KeypadButton::Backspace => Backspace,
            KeypadButton::Negate => Negate,
            KeypadButton::AngleMode => ToggleAngle,
        }
    }
}

/// The function rows, above the main grid.
pub const FUNCTION_ROWS: [&[KeypadButton]; 2] = {
    use KeypadButton::*;
    [
        &[Sqrt, Sin, Cos, Tan, AngleMode],
        &[Ln, Log, Pi, E, Factorial],
    ]
};

/// The main grid: digits and operators.
pub const MAIN_ROWS: [&[KeypadButton]; 4] = {
    use KeypadButton::*;
    [
        &[Digit(7), Digit(8), Digit(9), Divide, Open, Close],
        &[Digit(4), Digit(5), Digit(6), Times, Power, Percent],
        &[Digit(1), Digit(2), Digit(3), Minus, Ans, Backspace],
        &[Digit(0), Point, Negate, Plus, Equals, Clear],
    ]
};

/// All rows, top to bottom.
pub fn rows() -> impl Iterator<Item = &'static [KeypadButton]> {
    FUNCTION_ROWS.into_iter().chain(MAIN_ROWS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_label_is_on_the_keypad() {
        let labels: Vec<&str> = rows().flatten().map(|b| b.label()).collect();
        for required in [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "+", "−", "×", "÷", "^", "(",
            ")", "%", "=", "C", "⌫", "ans", "±", "√", "sin", "cos", "tan", "ln", "log", "π", "e",
            "!", "DEG/RAD",
        ] {
            assert!(labels.contains(&required), "missing {required}");
        }
        assert_eq!(labels.len(), 34);
    }
}
