//! The keypad: which buttons exist, in what grid, and what each one does.

/// One keypad button.
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
    Comma,
    Percent,
    Mod,
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
    /// Type this text at the cursor, as the keyboard would.
    Insert(&'static str),
    Evaluate,
    Clear,
    Backspace,
    Negate,
    ToggleAngle,
}

/// Buttons that belong together share a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonGroup {
    Digit,
    Operator,
    Function,
    /// `=`: the one key that finishes a calculation.
    Accent,
    /// `C` and `⌫`: they throw input away.
    Warning,
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
            Comma => ",",
            Percent => "%",
            Mod => "mod",
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
            KeypadButton::Comma => Insert(", "),
            KeypadButton::Percent => Insert("%"),
            KeypadButton::Mod => Insert(" mod "),
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

    pub fn group(self) -> ButtonGroup {
        use KeypadButton::*;
        match self {
            Digit(_) | Point => ButtonGroup::Digit,
            Plus | Minus | Times | Divide | Power | Open | Close | Comma | Percent | Mod
            | Negate => ButtonGroup::Operator,
            Equals => ButtonGroup::Accent,
            Clear | Backspace => ButtonGroup::Warning,
            Ans | Sqrt | Sin | Cos | Tan | Ln | Log | Pi | E | Factorial | AngleMode => {
                ButtonGroup::Function
            }
        }
    }
}

/// Keys per row: every row has as many, so the grid has one right edge.
pub const COLUMNS: usize = 6;

/// The grid, top to bottom: functions above digits and operators.
pub const ROWS: [[KeypadButton; COLUMNS]; 6] = {
    use KeypadButton::*;
    [
        [Sin, Cos, Tan, Sqrt, Power, AngleMode],
        [Ln, Log, Pi, E, Factorial, Mod],
        [Digit(7), Digit(8), Digit(9), Divide, Clear, Backspace],
        [Digit(4), Digit(5), Digit(6), Times, Open, Close],
        [Digit(1), Digit(2), Digit(3), Minus, Percent, Comma],
        // `=` bottom-right, where calculators have it.
        [Digit(0), Point, Negate, Plus, Ans, Equals],
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_label_is_on_the_keypad_once() {
        let labels: Vec<&str> = ROWS.iter().flatten().map(|b| b.label()).collect();
        for required in [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "+", "−", "×", "÷", "^", "(",
            ")", "%", "=", "C", "⌫", "ans", "±", "√", "sin", "cos", "tan", "ln", "log", "π", "e",
            "!", "DEG/RAD", ",", "mod",
        ] {
            assert_eq!(
                labels.iter().filter(|l| **l == required).count(),
                1,
                "{required}"
            );
        }
        assert_eq!(labels.len(), 36);
    }

    #[test]
    fn groups_give_digits_equals_and_clear_their_own_look() {
        assert_eq!(KeypadButton::Digit(5).group(), ButtonGroup::Digit);
        assert_eq!(KeypadButton::Equals.group(), ButtonGroup::Accent);
        assert_eq!(KeypadButton::Clear.group(), ButtonGroup::Warning);
        assert_eq!(KeypadButton::Times.group(), ButtonGroup::Operator);
        assert_eq!(KeypadButton::Sin.group(), ButtonGroup::Function);
    }
}
