from django.shortcuts import render


def help_now(request):
    return render(request, "help/now.html")


def privacy(request):
    return render(request, "help/privacy.html")
