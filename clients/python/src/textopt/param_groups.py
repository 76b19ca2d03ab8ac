"""afnio's param groups: a list of parameters plus options, as dicts."""
from .variable import as_parameter


class ParamGroup(dict):
    """One of `TGD.param_groups`: its `params` and options. Setting an option, as torch code does with
    `optimizer.param_groups[0]["lr"] = …`, changes it on the service (PATCH …/param-groups/{index})."""

    def __init__(self, optimizer, index, group):
        super().__init__(group)
        self._optimizer = optimizer
        self._index = index

    def __setitem__(self, option, value):
        if option == "params":
            raise KeyError("a group's params are its own; add_param_group adds new ones")
        self.update({option: value})

    def update(self, *args, **options):
        options = dict(*args, **options)
        self._optimizer.edit_param_group(self._index, **options)
        stored = self._optimizer._session["param_groups"][self._index]
        for option in options:
            super().__setitem__(option, stored[option])


def groups_of(params):
    """[(options, [Parameter])] and whether `params` was a flat list (one group, no options)."""
    params = list(params)
    if params and all(isinstance(g, dict) and "params" in g for g in params):
        return [({k: v for k, v in g.items() if k != "params"}, [as_parameter(p) for p in g["params"]])
                for g in params], False
    return [({}, [as_parameter(p) for p in params])], True
