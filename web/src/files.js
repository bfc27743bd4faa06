// The file pickers' size check, served as /assets/files.js (report form, mailbox, case page). A progressive
// enhancement: before a form is sent, files over the limits (the picker's data attributes, which the hub sets from its
// own limits) stop it with a message at the field, so a reporter never waits for an upload the hub or the cloud in
// front of it must refuse. Without this script the hub checks the same and keeps what was typed.
(() => {
  for (const input of document.querySelectorAll("input[type=file][data-max-total]")) {
    const form = input.form;
    if (!form) continue;
    const maxFile = Number(input.dataset.maxFile);
    const maxTotal = Number(input.dataset.maxTotal);
    const message = document.createElement("p");
    message.className = "utrecht-form-field-error-message";
    message.id = "files-size-error";
    message.setAttribute("role", "alert");
    form.addEventListener("submit", (event) => {
      const files = Array.from(input.files ?? []);
      const total = files.reduce((sum, file) => sum + file.size, 0);
      // Another button of the form (the language switch) sends nothing the check is about: only the form's own sending.
      if (event.submitter?.name === "taal") return;
      if (files.every((file) => file.size <= maxFile) && total <= maxTotal) {
        message.remove();
        return;
      }
      event.preventDefault();
      message.textContent = input.dataset.tooLarge ?? "";
      input.before(message);
      input.setAttribute("aria-invalid", "true");
      const described = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== message.id);
      input.setAttribute("aria-describedby", [...described, message.id].join(" "));
      input.focus();
    });
  }
})();
