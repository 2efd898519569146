// The door to the facilitator's panel: choose a PIN the first time, enter it afterwards.
import { t } from '../../i18n';
import { checkPin, forgetPin, hasPin, isValidPin, setPin } from '../../state/pin';
import { closeWorkshop } from '../../state/workshopState';
import { h } from '../dom';

function pinField(id: string, label: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', {
    class: 'text-input pin-input',
    attrs: { id, type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: 8, pattern: '[0-9]*', required: true },
  });
  return { field: h('div', { class: 'field' }, [h('label', { text: label, attrs: { for: id } }), input]), input };
}

export function mountPinGate(parent: HTMLElement, onOpen: () => void): () => void {
  const creating = !hasPin();
  const error = h('p', { class: 'form-error', attrs: { role: 'alert', 'data-pin-error': true } });
  const pin = pinField('pin', t('workshop.pin'));
  const confirm = creating ? pinField('pin-confirm', t('workshop.pinConfirm')) : null;
  const submit = h('button', {
    class: 'button button-primary',
    text: creating ? t('workshop.pinSet') : t('workshop.pinEnter'),
    attrs: { type: 'submit', 'data-action': creating ? 'set-pin' : 'enter-pin' },
  });
  const form = h('form', { class: 'pin-form', attrs: { 'data-pin-form': true } }, [
    h('h1', { text: creating ? t('workshop.pinCreateTitle') : t('workshop.pinEnterTitle') }),
    creating ? h('p', { text: t('workshop.pinCreateHelp') }) : null,
    pin.field,
    confirm?.field,
    error,
    submit,
    creating
      ? null
      : h('button', {
          class: 'button button-quiet',
          text: t('workshop.pinForgot'),
          attrs: { type: 'button', 'data-action': 'forget-pin' },
          on: {
            click: () => {
              if (!window.confirm(t('workshop.pinForgotConfirm'))) return;
              forgetPin();
              closeWorkshop();
              window.location.reload();
            },
          },
        }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const value = pin.input.value.trim();
      if (!isValidPin(value)) {
        error.textContent = t('workshop.pinInvalid');
        return;
      }
      if (creating) {
        if (confirm && confirm.input.value.trim() !== value) {
          error.textContent = t('workshop.pinMismatch');
          return;
        }
        await setPin(value);
        onOpen();
      } else if (await checkPin(value)) onOpen();
      else {
        error.textContent = t('workshop.pinWrong');
        pin.input.select();
      }
    })();
  });
  const screen = h('div', { class: 'gate' }, [h('main', { attrs: { id: 'main' } }, [form])]);
  parent.append(screen);
  pin.input.focus();
  return () => screen.remove();
}
