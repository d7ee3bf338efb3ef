//! The mouse on the keypad: the key under it and the key held down. A
//! key acts when the button comes up over the key it went down on, as GUI
//! buttons do.

use crate::ui::keypad::KeypadButton;

#[derive(Debug, Default)]
pub struct KeypadMouse {
    hovered: Option<KeypadButton>,
    pressed: Option<KeypadButton>,
}

impl KeypadMouse {
    pub fn hovered(&self) -> Option<KeypadButton> {
        self.hovered
    }

    pub fn pressed(&self) -> Option<KeypadButton> {
        self.pressed
    }

    /// The pointer is over this key (or none).
    pub fn hover(&mut self, button: Option<KeypadButton>) {
        self.hovered = button;
    }

    /// The button went down on this key.
    pub fn press(&mut self, button: KeypadButton) {
        self.pressed = Some(button);
        self.hovered = Some(button);
    }

    /// The button came up over this key (or none): the key that acts, if
    /// it is the one pressed.
    pub fn release(&mut self, over: Option<KeypadButton>) -> Option<KeypadButton> {
        self.pressed.take().filter(|b| Some(*b) == over)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_acts_only_when_released_over_the_key_pressed() {
        let mut mouse = KeypadMouse::default();
        let (five, six) = (KeypadButton::Digit(5), KeypadButton::Digit(6));
        mouse.hover(Some(six));
        assert_eq!(mouse.hovered(), Some(six));
        mouse.press(five);
        assert_eq!((mouse.hovered(), mouse.pressed()), (Some(five), Some(five)));
        assert_eq!(mouse.release(Some(six)), None);
        assert_eq!(mouse.pressed(), None);
        mouse.press(five);
        assert_eq!(mouse.release(Some(five)), Some(five));
        // No press, no key.
        assert_eq!(mouse.release(Some(five)), None);
    }
}
